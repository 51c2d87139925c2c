import type { Config } from '../config.js';
import type { Clock } from './calls/clock.js';
import type { MessageHoldBatcher } from './messaging/hold-messages.js';
import type { MessageReportBatcher } from './messaging/report-message-delivery.service.js';
import type { PostingBatcher } from './wallets/post-wallet-transaction.js';

/** What services that move money on a schedule or by usage need besides the database. */
export interface ServiceDeps {
  /** Injectable time: tests run months in milliseconds. */
  clock: Clock;
  config: Config;
  /** Tells subscribers (in every process) that something was committed. */
  committed(): void;
  /** The app's posting batcher (built once by startApp): every wallet posting outside a transaction goes through it. */
  postings: PostingBatcher;
  /**
   * The app's message-hold batcher (built once by startApp): concurrent sendMessage requests share
   * one transaction through it. Without it (scripts, some tests) each request holds alone.
   */
  messageHolds?: MessageHoldBatcher;
  /**
   * The app's delivery-report batcher (built once by startApp): concurrent reportMessageDelivery
   * calls share one transaction through it. Without it each report is applied alone.
   */
  messageReports?: MessageReportBatcher;
}
