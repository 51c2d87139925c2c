/**
 * Which of several states of one campaign is the newest: the query's, `campaignUpdated`'s, a
 * mutation's answer. They arrive out of order (a query sent before a change may answer after the
 * change was pushed), so "last received" is not "newest": `version` grows with every change.
 */
import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';
import { compareSequences } from '../../utils/sequence.js';

/** A campaign state and when the page received it (epoch ms): time-to-empty counts from then. */
export interface ReceivedCampaign<C extends Pick<CampaignFigures, 'version'> = CampaignFigures> {
  campaign: C;
  atMs: number;
}

/**
 * The state with the highest `version`; on a tie the first given. Missing states (null,
 * undefined) are skipped; null when none is left.
 * @throws SequenceFormatError when a version is not a decimal integer string.
 */
export function newestCampaign<S extends { campaign: Pick<CampaignFigures, 'version'> }>(...states: (S | null | undefined)[]): S | null {
  let newest: S | null = null;
  for (const state of states) {
    if (state && (newest === null || compareSequences(state.campaign.version, newest.campaign.version) > 0)) newest = state;
  }
  return newest;
}
