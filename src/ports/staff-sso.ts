/** What the identity provider says about a person after a completed sign-in. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string;
  name?: string;
  groups: string[];
}

/** Single sign-on for staff (OpenID Connect): start at the provider, finish on our callback. */
export interface StaffSso {
  /** The provider's URL to send the browser to, and the secret state to keep in a cookie until it returns. */
  start(redirectUri: string): Promise<{ url: string; state: string }>;
  /** Checks the callback (state, PKCE, nonce, tokens) and returns who signed in. */
  finish(callbackUrl: string, state: string): Promise<SsoIdentity>;
}
