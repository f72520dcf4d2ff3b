import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      <p>The page you asked for does not exist or has moved.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
        Go to the overview
      </Link>
    </StatusPage>
  );
}
