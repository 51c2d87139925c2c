import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Principal } from '../domain/accounts/principal.js';
import { Role } from '../domain/accounts/role.js';
import { CallStatus } from '../domain/calls/call-record.js';
import { callStatuses, endCall, startCall, type CallServiceDeps } from '../domain/calls/call.service.js';
import { campaignAccountId, simulatedCampaigns } from '../domain/campaigns/campaign.service.js';
import type { Clock } from '../domain/calls/clock.js';
import { DomainError } from '../errors.js';
import { Periodic } from '../periodic.js';
import { reportSimulatedDeliveries } from '../domain/messaging/message-simulator.js';
import { sendMessage } from '../domain/messaging/send-message.service.js';
import type { ServiceDeps } from '../domain/service-deps.js';

/** The simulator texts from a number: an alphanumeric sender ID would have to be registered and approved for the account first. */
const SIMULATOR_SENDER = '+15550100002';

/** How the simulated switch behaves, per simulated campaign. */
export interface SimulatorSettings {
  /** Call attempts per second per campaign. */
  callsPerSecond: number;
  /** Share of attempts that are answered (0..1); unanswered ones cost nothing and are not placed. */
  answerRatio: number;
  /** Mean talk time in seconds; durations are drawn from an exponential distribution around it. */
  meanDurationSeconds: number;
  /** Longest talk time, in seconds. */
  durationSecondsMax: number;
  /** Most calls a campaign has up at once; past it the dialer waits. */
  activeCallsPerCampaignMax: number;
  /** Text messages sent per second per campaign (0: none); their delivery reports follow a few seconds later. */
  messagesPerSecond: number;
}

/** Options of {@link DialerSimulator}. */
export interface DialerSimulatorOptions {
  em: EntityManager;
  clock: Clock;
  deps: ServiceDeps;
  settings: SimulatorSettings;
  /** How often it dials and hangs up, in milliseconds (only for {@link DialerSimulator.start}). */
  tickMs: number;
  /** Random numbers in [0, 1): injectable so tests are repeatable. @default Math.random */
  random?: () => number;
  onError?: (error: unknown) => void;
}

interface SimulatedCall {
  callId: string;
  campaignId: string;
  hangUpAtMs: number;
}

/** What the simulated campaign texts: single-part GSM-7, two-part, and UCS-2. */
const MESSAGE_BODIES = [
  'Your appointment is confirmed for tomorrow at 10:00. Reply STOP to opt out.',
  'Spring promo: 20% off all plans this week only! Use code SPRING20 at checkout. Offer valid until Sunday midnight; terms apply. Reply STOP to opt out of these messages.',
  'Ваш код подтверждения: 482913',
];

/** Destinations the simulator dials: UK mobiles and US numbers, the demo rate plan's prefixes. */
const DESTINATION_PREFIXES = ['+4477009', '+1415555', '+1212555', '+4420794'];

/** The simulator's settings from the configuration. */
export function simulatorSettings(config: Config): SimulatorSettings {
  return {
    callsPerSecond: config.simulatorCallsPerSecond,
    answerRatio: config.simulatorAnswerRatio,
    meanDurationSeconds: config.simulatorMeanDurationSeconds,
    durationSecondsMax: config.simulatorDurationSecondsMax,
    activeCallsPerCampaignMax: config.simulatorActiveCallsPerCampaignMax,
    messagesPerSecond: config.simulatorMessagesPerSecond,
  };
}

/**
 * A built-in dialer for demos and tests (and its carrier): places calls for RUNNING campaigns created with
 * `simulate: true` (never anyone else's) through the same startCall and endCall services an
 * integrator's switch uses, under the campaign's account as an INTEGRATOR. It hangs up each
 * answered call after its drawn duration, and drops the calls the server stopped (the switch
 * obeys the stop), as a real switch would. It also texts (messagesPerSecond) and reports the
 * deliveries of simulated campaigns' messages, as a carrier would.
 */
export class DialerSimulator {
  private readonly calls = new Map<string, SimulatedCall>();
  /** Fractional attempts carried to the next tick, per campaign. */
  private readonly owed = new Map<string, number>();
  /** Fractional messages carried to the next tick, per campaign. */
  private readonly owedMessages = new Map<string, number>();
  private lastTickMs: number | undefined;
  private readonly periodic: Periodic;
  private readonly random: () => number;
  /** Calls the server stopped that this switch dropped, since start. */
  droppedByServer = 0;

  constructor(private readonly options: DialerSimulatorOptions) {
    this.random = options.random ?? Math.random;
    this.periodic = new Periodic(() => this.tick(), options.tickMs, options.onError);
  }

  /** Runs {@link tick} every `tickMs` until {@link stop}. */
  start(): void {
    this.periodic.start();
  }

  /** Stops; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    await this.periodic.stop();
  }

  /** Calls this simulator has up, by id. */
  activeCallIds(): string[] {
    return [...this.calls.keys()];
  }

  /** One step: forget calls the server stopped, hang up calls whose time is up, dial for simulated campaigns. */
  async tick(): Promise<void> {
    const { clock, deps, settings } = this.options;
    // A fork per step: the services use the ORM's identity map, which must not be the global one.
    const em = this.options.em.fork();
    const callDeps: CallServiceDeps = deps;
    const nowMs = clock.now();
    const elapsedSeconds = this.lastTickMs === undefined ? 0 : Math.max(0, nowMs - this.lastTickMs) / 1000;
    this.lastTickMs = nowMs;

    if (this.calls.size > 0) {
      for (const [callId, status] of await callStatuses(em, [...this.calls.keys()])) {
        if (status !== CallStatus.ACTIVE) {
          this.calls.delete(callId);
          this.droppedByServer++;
        }
      }
    }
    for (const call of [...this.calls.values()]) {
      if (call.hangUpAtMs > nowMs) continue;
      this.calls.delete(call.callId);
      const principal = await this.principalOf(call.campaignId);
      if (principal) await this.quietly(endCall(em, callDeps, { principal, callId: call.callId }));
    }

    // The carrier's delivery reports for messages already sent.
    await reportSimulatedDeliveries(em, deps, this.random, nowMs);

    for (const campaign of await simulatedCampaigns(em)) {
      const owedMessages = (this.owedMessages.get(campaign.id) ?? 0) + settings.messagesPerSecond * elapsedSeconds;
      let messages = Math.floor(owedMessages);
      this.owedMessages.set(campaign.id, owedMessages - messages);
      while (messages-- > 0) {
        const recipients = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => this.destination());
        await this.quietly(
          sendMessage(em, deps, {
            principal: this.principal(campaign.accountId),
            walletId: campaign.walletId,
            campaignId: campaign.id,
            from: SIMULATOR_SENDER,
            to: [...new Set(recipients)],
            body: MESSAGE_BODIES[Math.floor(this.random() * MESSAGE_BODIES.length)]!,
          }),
        );
      }

      const owed = (this.owed.get(campaign.id) ?? 0) + settings.callsPerSecond * elapsedSeconds;
      let attempts = Math.floor(owed);
      this.owed.set(campaign.id, owed - attempts);
      const principal = this.principal(campaign.accountId);
      while (attempts-- > 0) {
        const active = [...this.calls.values()].filter((c) => c.campaignId === campaign.id).length;
        if (active >= settings.activeCallsPerCampaignMax) break;
        if (this.random() >= settings.answerRatio) continue;
        const call = await this.quietly(startCall(em, callDeps, { principal, campaignId: campaign.id, to: this.destination() }));
        if (!call) break;
        if (call.status !== CallStatus.ACTIVE) break; // refused: the campaign has stopped dialing
        const duration = Math.min(settings.durationSecondsMax, -Math.log(1 - this.random()) * settings.meanDurationSeconds);
        this.calls.set(call.id, { callId: call.id, campaignId: campaign.id, hangUpAtMs: call.startedAtMs + Math.round(duration * 1000) });
      }
    }
  }

  private principal(accountId: string): Principal {
    return { role: Role.INTEGRATOR, accountId, apiKeyId: null, actor: 'dialer_simulator' };
  }

  private async principalOf(campaignId: string): Promise<Principal | undefined> {
    const accountId = await campaignAccountId(this.options.em.fork(), campaignId);
    return accountId === undefined ? undefined : this.principal(accountId);
  }

  private destination(): string {
    const prefix = DESTINATION_PREFIXES[Math.floor(this.random() * DESTINATION_PREFIXES.length)]!;
    return `${prefix}${String(Math.floor(this.random() * 10_000)).padStart(4, '0')}`;
  }

  /** Runs a call service; an expected refusal (campaign paused meanwhile, a cap) is no error for a switch. */
  private async quietly<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }
}
