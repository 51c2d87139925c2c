import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Trial or promotional credit (a GRANT, spent first and never refunded). */
export const SUPPORT_GRANT_CREDIT_MUTATION = graphql(`
  mutation SupportGrantCredit($input: GrantCreditInput!) {
    grantCredit(input: $input) {
      transaction {
        id
        amount
      }
      wallet {
        id
        balance
        available
      }
    }
  }
`);

/** A credit (positive) or debit (negative) with a reason. */
export const SUPPORT_ADJUST_WALLET_MUTATION = graphql(`
  mutation SupportAdjustWallet($input: AdjustWalletInput!) {
    adjustWallet(input: $input) {
      transaction {
        id
        amount
        type
      }
      wallet {
        id
        balance
        available
      }
    }
  }
`);

/** Refunds unused paid card credit to the cards that paid it. */
export const SUPPORT_REFUND_UNUSED_CREDIT_MUTATION = graphql(`
  mutation SupportRefundUnusedCredit($input: RefundUnusedCreditInput!) {
    refundUnusedCredit(input: $input) {
      transaction {
        id
        amount
      }
      wallet {
        id
        balance
        available
        refundable
      }
      refunds {
        id
        cardAmount
        status
      }
    }
  }
`);

/** Announces a bank transfer on the owner's behalf (PENDING until completed). */
export const SUPPORT_RECORD_BANK_TRANSFER_MUTATION = graphql(`
  mutation SupportRecordBankTransfer($input: RecordBankTransferInput!) {
    recordBankTransfer(input: $input) {
      bankTransfer {
        id
        status
      }
    }
  }
`);

/** The money arrived: credits the wallet once. */
export const SUPPORT_COMPLETE_BANK_TRANSFER_MUTATION = graphql(`
  mutation SupportCompleteBankTransfer($id: ID!) {
    completeBankTransfer(id: $id) {
      bankTransfer {
        id
        status
        settledAt
      }
    }
  }
`);

/** The money will not arrive. */
export const SUPPORT_CANCEL_BANK_TRANSFER_MUTATION = graphql(`
  mutation SupportCancelBankTransfer($id: ID!) {
    cancelBankTransfer(id: $id) {
      bankTransfer {
        id
        status
        settledAt
      }
    }
  }
`);

/** The support actions' mutations, each refetching the account page when it succeeds. */
export function useSupportActions() {
  const options = { refetchQueries: ['SupportAccount'], awaitRefetchQueries: true };
  const [grantCredit] = useMutation(SUPPORT_GRANT_CREDIT_MUTATION, options);
  const [adjustWallet] = useMutation(SUPPORT_ADJUST_WALLET_MUTATION, options);
  const [refundUnusedCredit] = useMutation(SUPPORT_REFUND_UNUSED_CREDIT_MUTATION, options);
  const [recordBankTransfer] = useMutation(SUPPORT_RECORD_BANK_TRANSFER_MUTATION, options);
  const [completeBankTransfer] = useMutation(SUPPORT_COMPLETE_BANK_TRANSFER_MUTATION, options);
  const [cancelBankTransfer] = useMutation(SUPPORT_CANCEL_BANK_TRANSFER_MUTATION, options);
  return { grantCredit, adjustWallet, refundUnusedCredit, recordBankTransfer, completeBankTransfer, cancelBankTransfer };
}
