import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { Role } from '../../domain/accounts/role.js';
import { createUser, inviteUser } from '../../domain/users/invitations.service.js';
import { findSessionUser } from '../../domain/users/sessions.service.js';
import {
  changeMemberRole,
  readTeam,
  removeMember,
  resendInvitation,
  revokeInvitation,
  type Invitation,
} from '../../domain/users/team.service.js';
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
  @Field(() => Boolean, {
    description:
      'False while a user who signed up has not opened the link mailed to them (their account cannot top up, dial or text until then: ' +
      'EMAIL_NOT_VERIFIED); true for everyone else.',
  })
  emailVerified!: boolean;
}

/** Where an invitation stands. */
export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands: only a PENDING one can be accepted, resent or revoked.',
  valuesConfig: {
    PENDING: { description: 'Sent and not yet accepted, revoked or expired: its last link works.' },
    ACCEPTED: { description: 'The invitee accepted it and is a member.' },
    REVOKED: { description: 'An OWNER revoked it: its link is refused.' },
    EXPIRED: { description: 'Past expiresAt without being accepted: its link is refused; invite the person again.' },
  },
});

@ObjectType('Invitation', {
  description:
    'An invitation into an account, e-mailed to the invitee with a link to accept it (POST /auth/accept-invitation with its token). ' +
    'Each resend mails a new link and the earlier one stops working.',
})
export class InvitationObject {
  @Field(() => ID, { description: 'Unique id of the invitation.' })
  id!: string;
  @Field(() => ID, { description: 'The account the invitee joins.' })
  accountId!: string;
  @Field(() => String, { description: 'Who is invited.' })
  email!: string;
  @Field(() => Role, { description: 'The role the invitee gets.' })
  role!: Role;
  @Field(() => InvitationStatus, { description: 'Where it stands now.' })
  status!: InvitationStatus;
  @Field(() => DateTimeResolver, { description: 'When it was made.' })
  createdAt!: Date;
  @Field(() => DateTimeResolver, { description: 'When its last e-mail was queued (the invitation, or its last resend).' })
  sentAt!: Date;
  @Field(() => Int, { description: 'E-mails sent: 1, plus one per resend.' })
  sendCount!: number;
  @Field(() => DateTimeResolver, {
    description: 'Last moment its current link can be accepted (invitationTtlMs after it was last sent, default 7 days).',
  })
  expiresAt!: Date;
}

function toInvitationObject(invitation: Invitation): InvitationObject {
  return Object.assign(new InvitationObject(), {
    id: invitation.id,
    accountId: invitation.accountId,
    email: invitation.email,
    role: invitation.role,
    status: invitation.status as InvitationStatus,
    createdAt: invitation.createdAt,
    sentAt: invitation.sentAt,
    sendCount: invitation.sendCount,
    expiresAt: invitation.expiresAt,
  });
}

@ObjectType('Team', { description: "An account's team: its active members and the invitations still open." })
class TeamObject {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;
  @Field(() => [UserObject], { description: 'Active members, oldest first (at most teamListMax, default 200).' })
  members!: UserObject[];
  @Field(() => [InvitationObject], {
    description:
      'Invitations neither accepted nor revoked, oldest first (at most teamListMax); EXPIRED ones stay until the retention job deletes them.',
  })
  invitations!: InvitationObject[];
}

@ObjectType({ description: 'The result of resendInvitation.' })
class ResendInvitationPayload {
  @Field(() => InvitationObject, { description: 'The invitation, with its new sentAt and expiresAt.' })
  invitation!: InvitationObject;
}

@ObjectType({ description: 'The result of revokeInvitation.' })
class RevokeInvitationPayload {
  @Field(() => InvitationObject, { description: 'The invitation, now REVOKED.' })
  invitation!: InvitationObject;
}

@InputType({ description: "A new role for a member of an account's team." })
class ChangeMemberRoleInput {
  @Field(() => ID, { nullable: true, description: "Default the caller's account." })
  accountId?: string | null;
  @Field(() => ID, { description: 'The member (a User id).' })
  userId!: string;
  @Field(() => Role, { description: 'OWNER, CAMPAIGN_MANAGER or INTEGRATOR.' })
  role!: Role;
}

@ObjectType({ description: 'The result of changeMemberRole.' })
class ChangeMemberRolePayload {
  @Field(() => UserObject, { description: 'The member with the new role.' })
  user!: UserObject;
}

@InputType({ description: "A member to remove from an account's team." })
class RemoveMemberInput {
  @Field(() => ID, { nullable: true, description: "Default the caller's account." })
  accountId?: string | null;
  @Field(() => ID, { description: 'The member (a User id).' })
  userId!: string;
}

@ObjectType({ description: 'The result of removeMember.' })
class RemoveMemberPayload {
  @Field(() => UserObject, { description: 'The member removed (no longer able to sign in).' })
  user!: UserObject;
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
  @Field(() => InvitationObject, { description: 'The invitation; its link is e-mailed to the invitee.' })
  invitation!: InvitationObject;
  @Field(() => String, { description: 'Shown once: the invitee accepts with it (the e-mailed link carries it too).' })
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
    emailVerified: user.emailVerifiedAt !== null,
  });
}

/** Dashboard users: invitations by an OWNER, and the operator's direct creation of a first user. */
@Resolver()
export class UsersResolver {
  @Mutation(() => InviteUserPayload, {
    description:
      'OWNER (own account), PLATFORM_ADMIN: invites someone with a role and e-mails them the link to accept it; the token is shown once. ' +
      'Refused RATE_LIMITED past invitationMailsPerAccountMax e-mails per account in invitationMailWindowMs (default 20 per hour), ' +
      'INVALID_STATE when the e-mail already has a user or a pending invitation.',
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
    return Object.assign(new InviteUserPayload(), { invitation: toInvitationObject(invitation), token });
  }

  @Query(() => TeamObject, { description: "OWNER (own account), SUPPORT, PLATFORM_ADMIN: the account's members and open invitations." })
  async team(
    @Arg('accountId', () => ID, { nullable: true, description: "Default the caller's account." }) accountId: string | null,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<TeamObject> {
    const team = await readTeam(em, config, { principal, accountId: accountId ?? null, nowMs: spend.clock.now() });
    return Object.assign(new TeamObject(), {
      accountId: team.accountId,
      members: team.members.map(toUserObject),
      invitations: team.invitations.map(toInvitationObject),
    });
  }

  @Mutation(() => ResendInvitationPayload, {
    description:
      'OWNER (own account), PLATFORM_ADMIN: e-mails a PENDING invitation again with a new link valid invitationTtlMs from now; the earlier ' +
      'link stops working. INVITATION_NOT_PENDING when it was accepted, revoked or has expired; RATE_LIMITED like inviteUser.',
  })
  async resendInvitation(
    @Arg('id', () => ID, { description: 'The invitation.' }) id: string,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<ResendInvitationPayload> {
    const invitation = await resendInvitation(em, config, { principal, invitationId: id, nowMs: spend.clock.now() });
    return Object.assign(new ResendInvitationPayload(), { invitation: toInvitationObject(invitation) });
  }

  @Mutation(() => RevokeInvitationPayload, {
    description:
      'OWNER (own account), PLATFORM_ADMIN: revokes a PENDING invitation; its link is refused from now on. ' +
      'INVITATION_NOT_PENDING when it was accepted, revoked or has expired.',
  })
  async revokeInvitation(
    @Arg('id', () => ID, { description: 'The invitation.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<RevokeInvitationPayload> {
    const invitation = await revokeInvitation(em, { principal, invitationId: id, nowMs: spend.clock.now() });
    return Object.assign(new RevokeInvitationPayload(), { invitation: toInvitationObject(invitation) });
  }

  @Mutation(() => ChangeMemberRolePayload, {
    description:
      "OWNER (own account), PLATFORM_ADMIN: changes a member's role. LAST_OWNER when it would demote the account's last active OWNER.",
  })
  async changeMemberRole(
    @Arg('input', () => ChangeMemberRoleInput, { description: 'The member and the new role.' }) input: ChangeMemberRoleInput,
    @Ctx() { em, principal }: Context,
  ): Promise<ChangeMemberRolePayload> {
    const user = await changeMemberRole(em, { principal, accountId: input.accountId ?? null, userId: input.userId, role: input.role });
    return Object.assign(new ChangeMemberRolePayload(), { user: toUserObject(user) });
  }

  @Mutation(() => RemoveMemberPayload, {
    description:
      'OWNER (own account), PLATFORM_ADMIN: removes a member: they can no longer sign in and their sessions end (the user is kept, disabled, ' +
      'for the history). LAST_OWNER for the account\u2019s last active OWNER.',
  })
  async removeMember(
    @Arg('input', () => RemoveMemberInput, { description: 'The member.' }) input: RemoveMemberInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<RemoveMemberPayload> {
    const user = await removeMember(em, { principal, accountId: input.accountId ?? null, userId: input.userId, nowMs: spend.clock.now() });
    return Object.assign(new RemoveMemberPayload(), { user: toUserObject(user) });
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
