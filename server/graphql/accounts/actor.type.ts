import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ActorKind, type ActorRecord } from '../../domain/accounts/actors.js';
import { Role } from '../enums.js';

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'What kind of credential or process acted.',
  valuesConfig: {
    USER: { description: 'A person signed in with e-mail and password.' },
    API_KEY: { description: 'An API key.' },
    OPERATOR_TOKEN: { description: "The operator's environment token (PLATFORM_ADMIN)." },
    SYSTEM: { description: 'The server itself: a payment settling, a renewal, a simulator.' },
  },
});

@ObjectType('Actor', {
  description:
    "Who did something. Platform staff see every actor in full; an account's own roles see their own users and keys by name, and of platform staff only that staff acted (staff true, no id, name or e-mail).",
})
export class ActorObject {
  @Field(() => ActorKind, { description: 'What kind of credential or process acted.' })
  kind!: ActorKind;

  @Field(() => ID, {
    nullable: true,
    description: "The user's or API key's id; null for the operator token, the server, and staff hidden from tenants.",
  })
  id!: string | null;

  @Field(() => Role, {
    nullable: true,
    description: "The user's or key's role (PLATFORM_ADMIN for the operator token); null for the server.",
  })
  role!: Role | null;

  @Field(() => String, {
    nullable: true,
    description: "The user's or key's name, or the server process's (e.g. stripe); null when hidden or no longer known.",
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The user's e-mail; null for keys, the server, and staff hidden from tenants." })
  email!: string | null;

  @Field(() => Boolean, { description: 'Whether platform staff acted (a SUPPORT or PLATFORM_ADMIN user or key, or the operator token).' })
  staff!: boolean;
}

/** The GraphQL view of an actor (already narrowed to what the caller may see). */
export function toActorObject(actor: ActorRecord): ActorObject {
  return Object.assign(new ActorObject(), {
    kind: actor.kind,
    id: actor.id,
    role: actor.role,
    name: actor.name,
    email: actor.email,
    staff: actor.staff,
  });
}
