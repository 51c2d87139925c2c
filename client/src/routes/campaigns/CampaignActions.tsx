import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCampaignPauseMutation } from './hooks/useCampaignPauseMutation';
import { useCampaignStartMutation } from './hooks/useCampaignStartMutation';
import { campaignActions } from './campaign-labels';
import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';

/** Props of {@link CampaignActions}. */
export interface CampaignActionsProps {
  campaign: Pick<CampaignFigures, 'id' | 'name' | 'status'>;
  /** Called with the campaign as the server answered, so the page shows it at once (the live feed follows). */
  onChanged?: (campaign: CampaignFigures) => void;
}

/**
 * "Start" (a draft), "Resume" (paused or stopped) and "Pause" (running) for a campaign; render
 * only for roles that may manage campaigns. A refusal (INVALID_STATE, FORBIDDEN…) is shown under
 * the buttons.
 */
export function CampaignActions({ campaign, onChanged }: CampaignActionsProps) {
  const [start, startState] = useCampaignStartMutation();
  const [pause, pauseState] = useCampaignPauseMutation();
  const [failure, setFailure] = useState<unknown>(null);
  const actions = campaignActions(campaign.status);
  const busy = startState.loading || pauseState.loading;

  const run = async (action: 'start' | 'pause') => {
    setFailure(null);
    try {
      const result =
        action === 'start'
          ? (await start({ variables: { id: campaign.id } })).data?.startCampaign
          : (await pause({ variables: { id: campaign.id } })).data?.pauseCampaign;
      if (result) onChanged?.(result.campaign);
    } catch (error) {
      setFailure(error);
    }
  };

  if (actions.start === null && !actions.pause && failure === null) return null;
  return (
    <div className="campaign-actions">
      {actions.start !== null && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void run('start')}
          aria-label={`${actions.start} ${campaign.name}`}
        >
          {startState.loading ? `${actions.start === 'Start' ? 'Starting' : 'Resuming'}…` : actions.start}
        </button>
      )}
      {actions.pause && (
        <button type="button" className="button" disabled={busy} onClick={() => void run('pause')} aria-label={`Pause ${campaign.name}`}>
          {pauseState.loading ? 'Pausing…' : 'Pause'}
        </button>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
    </div>
  );
}
