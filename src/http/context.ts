/** Variables every request carries through the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The client's address, from the socket or a trusted proxy's X-Forwarded-For. */
    clientIp: string;
  };
}
