/*
 * Stands in for `@node-rs/argon2` in the Workers bundle (wrangler.toml [alias]): the native hasher
 * does not run on workerd. Password sign-in therefore happens on the Node side; on Workers a
 * password never verifies, while sessions and API tokens (checked by digest) work as on Node.
 */
export async function hash(): Promise<string> {
  return "$unavailable-on-workers$";
}

export async function verify(): Promise<boolean> {
  return false;
}
