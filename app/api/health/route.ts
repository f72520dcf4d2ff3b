import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/services/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers. Public: reveals nothing but "ok". */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}
