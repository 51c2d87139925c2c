/** How the console names who did something. */

/** The fields of an Actor this reads. */
export interface ActorFields {
  kind: string;
  id?: string | null;
  role?: string | null;
  name?: string | null;
  email?: string | null;
  staff: boolean;
}

/** "Sam Support <sam@…> (support)", "Owner key (API key)", "Operator token", "stripe (system)". */
export function actorLabel(actor: ActorFields): string {
  const staff = actor.staff ? ' · staff' : '';
  switch (actor.kind) {
    case 'USER':
      return `${actor.name ?? 'A user'}${actor.email ? ` <${actor.email}>` : ''}${staff}`;
    case 'API_KEY':
      return `${actor.name ?? 'An API key'} (API key)${staff}`;
    case 'OPERATOR_TOKEN':
      return 'Operator token · staff';
    default:
      return `${actor.name ?? 'The server'} (system)`;
  }
}
