import * as oidc from "openid-client";
import { DomainError } from "../domain/errors";
import type { SsoIdentity, StaffSso } from "../ports/staff-sso";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * OpenID Connect with openid-client: authorization code flow with PKCE (S256), state and nonce kept
 * in the browser's cookie between the two legs, groups read from the ID token or the userinfo endpoint.
 */
export function createOidcStaffSso(settings: OidcSettings): StaffSso {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      // Plain http only for a provider on this machine (development and tests).
      const insecure = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
      return oidc.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })().catch((error: unknown) => {
      discovered = undefined;
      throw new DomainError("unavailable", `The identity provider could not be reached: ${String(error)}`);
    });
    return discovered;
  };

  return {
    async start(redirectUri) {
      const config = await configuration();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.href, state: JSON.stringify({ verifier, state, nonce, redirectUri }) };
    },

    async finish(callbackUrl, saved) {
      const config = await configuration();
      let kept: { verifier: string; state: string; nonce: string; redirectUri: string };
      try {
        kept = JSON.parse(saved);
      } catch {
        throw new DomainError("invalid_input", "The sign-in had expired; please start again.");
      }
      // The provider checks the redirect_uri we sent; the callback arrives on the same path.
      const current = new URL(callbackUrl);
      const expected = new URL(kept.redirectUri);
      current.protocol = expected.protocol;
      current.host = expected.host;
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: kept.verifier,
          expectedState: kept.state,
          expectedNonce: kept.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new DomainError(
          "unauthorized",
          `The identity provider's answer was refused: ${errorText(error)}`,
        );
      }
      const claims = tokens.claims();
      if (!claims) throw new DomainError("unauthorized", "The identity provider sent no ID token.");
      let merged: Record<string, unknown> = { ...claims };
      if (!(settings.groupsClaim in merged) || !merged.email) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        merged = {
          ...info,
          ...merged,
          ...(settings.groupsClaim in info ? { [settings.groupsClaim]: info[settings.groupsClaim] } : {}),
        };
      }
      const email = typeof merged.email === "string" ? merged.email : "";
      if (!email || merged.email_verified === false) {
        throw new DomainError("forbidden", "The identity provider did not give a verified email address.");
      }
      const rawGroups = merged[settings.groupsClaim];
      const groups = Array.isArray(rawGroups)
        ? rawGroups.filter((g): g is string => typeof g === "string")
        : typeof rawGroups === "string"
          ? [rawGroups]
          : [];
      const identity: SsoIdentity = { issuer: claims.iss, subject: claims.sub, email, groups };
      if (typeof merged.name === "string") identity.name = merged.name;
      return identity;
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: string }).code ?? error.message;
  return String(error);
}
