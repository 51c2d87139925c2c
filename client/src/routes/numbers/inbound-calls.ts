import { enumLabel } from '../../utils/enum-label.js';

/** A call's direction in words: "Inbound", "Outbound". */
export function directionLabel(direction: string): string {
  return enumLabel(direction);
}

/** Where a call stands, in words: "In progress", "Completed", "Stopped: insufficient funds", "Refused: wallet suspended". */
export function callStatusText(status: string, endReason: string | null | undefined): string {
  if (status === 'ACTIVE') return 'In progress';
  if ((status === 'STOPPED' || status === 'REFUSED') && endReason) return `${enumLabel(status)}: ${enumLabel(endReason).toLowerCase()}`;
  return enumLabel(status);
}

/** Billed seconds as "45 s", "2 min", "2 min 5 s". */
export function durationText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
