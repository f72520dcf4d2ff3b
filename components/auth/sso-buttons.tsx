import { signInWithProvider } from "@/app/(auth)/sign-in/actions";

/** One button per configured single sign-on provider, above the password form. */
export function SsoButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  return (
    <div className="space-y-4">
      <ul className="space-y-2">
        {providers.map((provider) => (
          <li key={provider.id}>
            <form action={signInWithProvider}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button
                type="submit"
                className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
              >
                Continue with {provider.name}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p className="flex items-center gap-3 text-xs text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
        or with email
      </p>
    </div>
  );
}
