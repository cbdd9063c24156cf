import type {
  APIKeysSettingsJSON,
  AuthConfigJSON,
  CommerceSettingsJSON,
  DisplayConfigJSON,
  EnvironmentJSON,
  OrganizationSettingsJSON,
  UserSettingsJSON,
} from '@clerk/shared/types'
import type { EmulatorContext } from '../../context.js'

type AttributeJSON = UserSettingsJSON['attributes']['email_address']

const OFF: AttributeJSON = {
  enabled: false,
  required: false,
  verifications: [],
  used_for_first_factor: false,
  first_factors: [],
  used_for_second_factor: false,
  second_factors: [],
  verify_at_sign_up: false,
}

/** The emulator's fixed instance settings: email + password and email code, optional username, no social, no captcha. */
function userSettings(): Omit<UserSettingsJSON, 'id' | 'object'> {
  return {
    attributes: {
      email_address: {
        ...OFF,
        enabled: true,
        required: true,
        verifications: ['email_code'],
        used_for_first_factor: true,
        first_factors: ['email_code'],
        verify_at_sign_up: true,
      },
      username: { ...OFF, enabled: true, used_for_first_factor: true },
      password: { ...OFF, enabled: true, required: true },
      first_name: { ...OFF, enabled: true },
      last_name: { ...OFF, enabled: true },
      phone_number: OFF,
      web3_wallet: OFF,
      authenticator_app: OFF,
      backup_code: OFF,
      passkey: OFF,
    },
    actions: { delete_self: false, create_organization: false },
    // No social providers; the mapped type has a key per provider, so an empty object needs the cast.
    social: {} as UserSettingsJSON['social'],
    enterprise_sso: { enabled: false, self_serve_directory_sync: false, self_serve_sso: false },
    sign_in: { second_factor: { required: false, enabled: false } },
    sign_up: { allowlist_only: false, progressive: true, captcha_enabled: false, mode: 'restricted', legal_consent_enabled: false },
    password_settings: {
      allowed_special_characters: '',
      disable_hibp: true,
      min_length: 8,
      max_length: 72,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
    },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false },
    username_settings: { min_length: 4, max_length: 64 },
    attack_protection: { enumeration_protection: { enabled: false } },
  }
}

function displayConfig(ctx: EmulatorContext): DisplayConfigJSON {
  const signInUrl = `${ctx.url}/sign-in`
  return {
    object: 'display_config',
    id: 'display_config_emulator',
    after_sign_in_url: '',
    after_sign_out_all_url: '',
    after_sign_out_one_url: '',
    after_sign_up_url: '',
    after_switch_session_url: '',
    application_name: 'agent-tasks emulator',
    branded: false,
    captcha_public_key: null,
    captcha_widget_type: null,
    captcha_public_key_invisible: null,
    captcha_provider: 'turnstile',
    captcha_oauth_bypass: null,
    home_url: '',
    instance_environment_type: ctx.instance,
    logo_image_url: '',
    favicon_image_url: '',
    preferred_sign_in_strategy: 'password',
    sign_in_url: signInUrl,
    sign_up_url: signInUrl,
    support_email: '',
    theme: {
      general: {
        color: '#6c47ff',
        background_color: '#ffffff',
        font_family: '',
        font_color: '#151515',
        label_font_weight: '600',
        padding: '1em',
        border_radius: '0.5em',
        box_shadow: '0 2px 8px rgba(0, 0, 0, 0.2)',
      },
      buttons: { font_color: '#ffffff', font_family: '', font_weight: '600' },
      accounts: { background_color: '#ffffff' },
    },
    user_profile_url: '',
    organization_profile_url: '',
    create_organization_url: '',
    after_leave_organization_url: '',
    after_create_organization_url: '',
    // The development-mode badge would be the only difference from a production page; tests compare pages.
    show_devmode_warning: false,
    terms_url: '',
    privacy_policy_url: '',
    waitlist_url: '',
    after_join_waitlist_url: '',
  }
}

/** `GET /v1/environment`: what clerk-js needs to draw `<SignIn/>` for this instance. */
export function environmentJson(ctx: EmulatorContext): EnvironmentJSON {
  const authConfig = {
    object: 'auth_config',
    id: 'aac_emulator',
    single_session_mode: true,
    claimed_at: null,
    reverification: false,
  } satisfies AuthConfigJSON
  const organizationSettings = {
    enabled: false,
    max_allowed_memberships: 0,
    force_organization_selection: false,
    actions: { admin_delete: false },
    domains: { enabled: false, enrollment_modes: [], default_role: null },
    slug: { disabled: true },
    organization_creation_defaults: { enabled: false },
  } satisfies Omit<OrganizationSettingsJSON, 'id' | 'object'>
  const commerceSettings = {
    object: 'commerce_settings',
    id: 'commerce_settings_emulator',
    billing: {
      stripe_publishable_key: null,
      organization: { enabled: false, has_paid_plans: false },
      user: { enabled: false, has_paid_plans: false },
    },
  } satisfies CommerceSettingsJSON
  const apiKeysSettings = {
    object: 'api_keys_settings',
    id: 'api_keys_settings_emulator',
    user_api_keys_enabled: false,
    orgs_api_keys_enabled: false,
  } satisfies APIKeysSettingsJSON
  return {
    object: 'environment',
    id: 'env_emulator',
    auth_config: authConfig,
    display_config: displayConfig(ctx),
    // `id`/`object` are typed `never` on these two settings objects: Clerk sends neither.
    user_settings: userSettings() as unknown as UserSettingsJSON,
    organization_settings: organizationSettings as unknown as OrganizationSettingsJSON,
    commerce_settings: commerceSettings,
    api_keys_settings: apiKeysSettings,
    protect_config: { object: 'protect_config', id: 'protect_config_emulator' },
    maintenance_mode: false,
  } satisfies EnvironmentJSON
}
