import { OverviewSkeleton } from "@/components/dashboard/overview-states";

export default function Loading() {
  return <OverviewSkeleton />;
}
