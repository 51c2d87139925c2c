import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { Role } from '../../domain/accounts/role.js';
import { createUser, inviteUser } from '../../domain/users/invitations.service.js';
import { findSessionUser } from '../../domain/users/sessions.service.js';
import type { UserRecord } from '../../domain/users/user-record.js';
import { PrincipalObject } from '../accounts/account.type.js';

@ObjectType('User', { description: 'Someone who signs in to the dashboard with e-mail and password (POST /auth/sign-in).' })
export class UserObject {
  @Field(() => ID, { description: 'Unique id of the user.' })
  id!: string;
  @Field(() => ID, { nullable: true, description: 'Null for platform staff.' })
  accountId!: string | null;
  @Field(() => String, { description: 'The sign-in e-mail address (lower case).' })
  email!: string;
  @Field(() => String, { description: 'Display name.' })
  name!: string;
  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;
  @Field(() => DateTimeResolver, { description: 'When the user was created.' })
  createdAt!: Date;
}

@ObjectType('Invitation', { description: 'An invitation into an account; accepted at POST /auth/accept-invitation with its token.' })
export class InvitationObject {
  @Field(() => ID, { description: 'Unique id of the invitation.' })
  id!: string;
  @Field(() => ID, { description: 'The account the invitee joins.' })
  accountId!: string;
  @Field(() => String, { description: 'Who is invited.' })
  email!: string;
  @Field(() => Role, { description: 'The role the invitee gets.' })
  role!: Role;
  @Field(() => DateTimeResolver, { description: 'Last moment it can be accepted (invitationTtlMs after it was sent, default 7 days).' })
  expiresAt!: Date;
}

@InputType({ description: 'Someone to invite into an account.' })
class InviteUserInput {
  @Field(() => ID, { nullable: true, description: "Default the caller's account." })
  accountId?: string | null;
  @Field(() => String, { description: 'Their e-mail address.' })
  email!: string;
  @Field(() => Role, { description: 'OWNER, CAMPAIGN_MANAGER or INTEGRATOR.' })
  role!: Role;
}

@ObjectType({ description: 'The result of inviteUser.' })
class InviteUserPayload {
  @Field(() => InvitationObject, { description: 'The invitation.' })
  invitation!: InvitationObject;
  @Field(() => String, { description: 'Shown once: the invitee accepts with it.' })
  token!: string;
}

@InputType({ description: 'A user with a password, made by PLATFORM_ADMIN.' })
class CreateUserInput {
  @Field(() => ID, { nullable: true, description: 'Null for SUPPORT and PLATFORM_ADMIN users.' })
  accountId?: string | null;
  @Field(() => String, { description: 'The sign-in e-mail address, unique.' })
  email!: string;
  @Field(() => String, { description: 'Display name, 1 to 200 characters.' })
  name!: string;
  @Field(() => Role, { description: 'What the user may do (tenant roles need accountId).' })
  role!: Role;
  @Field(() => String, { description: '10 to 200 characters; stored as a scrypt hash.' })
  password!: string;
}

@ObjectType({ description: 'The result of createUser.' })
class CreateUserPayload {
  @Field(() => UserObject, { description: 'The new user.' })
  user!: UserObject;
}

function toUserObject(user: UserRecord): UserObject {
  return Object.assign(new UserObject(), {
    id: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
  });
}

/** Dashboard users: invitations by an OWNER, and the operator's direct creation of a first user. */
@Resolver()
export class UsersResolver {
  @Mutation(() => InviteUserPayload, {
    description: 'OWNER (own account), PLATFORM_ADMIN: invites someone with a role; the token is shown once.',
  })
  async inviteUser(
    @Arg('input', () => InviteUserInput, { description: 'The account, e-mail address and role.' }) input: InviteUserInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<InviteUserPayload> {
    const { invitation, token } = await inviteUser(em, config, {
      principal,
      accountId: input.accountId ?? null,
      email: input.email,
      role: input.role,
      nowMs: spend.clock.now(),
    });
    return Object.assign(new InviteUserPayload(), { invitation: Object.assign(new InvitationObject(), invitation), token });
  }

  @Mutation(() => CreateUserPayload, {
    description: 'PLATFORM_ADMIN: creates a user with a password (an account\u2019s first OWNER, or platform staff).',
  })
  async createUser(
    @Arg('input', () => CreateUserInput, { description: 'The account (or none for platform staff), e-mail, name, role and password.' })
    input: CreateUserInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CreateUserPayload> {
    const user = await createUser(em, config, {
      principal,
      accountId: input.accountId ?? null,
      email: input.email,
      name: input.name,
      role: input.role,
      password: input.password,
    });
    return Object.assign(new CreateUserPayload(), { user: toUserObject(user) });
  }
}

@Resolver(() => PrincipalObject)
export class PrincipalUserResolver {
  @FieldResolver(() => UserObject, {
    nullable: true,
    description: 'The signed-in user (session cookie); null for API keys and the operator token.',
  })
  async user(@Root() _me: PrincipalObject, @Ctx() { em, principal }: Context): Promise<UserObject | null> {
    const user = await findSessionUser(em, principal);
    return user ? toUserObject(user) : null;
  }
}
