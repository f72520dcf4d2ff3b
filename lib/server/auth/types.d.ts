import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    /** Session id; refused once it is in RevokedSession. */
    sid?: string;
    /** Sign-in instant and the expiry fixed then, epoch ms (lib/server/auth/session-lifetime.ts). */
    authAt?: number;
    authExp?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
    authAt?: number;
    authExp?: number;
  }
}
