import type { EmailAddressJSON, PublicUserDataJSON, UserJSON } from '@clerk/shared/types'
import type { EmulatorContext } from '../../context.js'
import type { UserRecord } from '../../state/records.js'

/**
 * The user's avatar, served by the emulator over plain http (its `url`), like `CLERK_PROXY_URL`: a browser
 * loads it without trusting the emulator's https certificate. (Clerk's own are on `https://img.clerk.com`.)
 */
export function imageUrl(ctx: EmulatorContext, user: UserRecord): string {
  return `${ctx.url}/v1/img/${user.id}.svg`
}

function emailAddressJson(address: UserRecord['emails'][number]): EmailAddressJSON {
  return {
    object: 'email_address',
    id: address.id,
    email_address: address.email,
    verification: {
      object: 'verification',
      id: `ver_${address.id}`,
      status: 'verified',
      strategy: 'admin',
      attempts: 0,
      expire_at: 0,
      verified_at_client: '',
      error: { code: '', message: '' },
    },
    linked_to: [],
    matches_sso_connection: false,
  }
}

/** The signed-in user as clerk-js reads it (`Clerk.user`). */
export function userJsonForClerkJs(ctx: EmulatorContext, user: UserRecord): UserJSON {
  return {
    object: 'user',
    id: user.id,
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    image_url: imageUrl(ctx, user),
    has_image: false,
    username: user.username,
    email_addresses: user.emails.map(emailAddressJson),
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    passkeys: [],
    organization_memberships: [],
    password_enabled: user.passwordHash !== null,
    profile_image_id: '',
    first_name: user.firstName,
    last_name: user.lastName,
    totp_enabled: false,
    backup_code_enabled: false,
    two_factor_enabled: false,
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    last_sign_in_at: user.lastSignInAt,
    create_organization_enabled: false,
    create_organizations_limit: null,
    delete_self_enabled: false,
    legal_accepted_at: null,
    timezone: null,
    updated_at: user.updatedAt,
    created_at: user.createdAt,
  }
}

export function primaryEmail(user: UserRecord): string {
  const primary = user.emails.find((e) => e.id === user.primaryEmailAddressId) ?? user.emails[0]
  return primary?.email ?? user.username ?? ''
}

export function publicUserDataJson(ctx: EmulatorContext, user: UserRecord): PublicUserDataJSON {
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: imageUrl(ctx, user),
    has_image: false,
    identifier: primaryEmail(user),
    user_id: user.id,
    ...(user.username ? { username: user.username } : {}),
  }
}
