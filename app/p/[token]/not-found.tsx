// What every unknown, revoked or expired link shows (with a 404): one plain message, no detail
// that would tell a guesser anything.
export default function LinkNotActive() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12 text-lg leading-relaxed text-slate-900">
      <h1 className="text-3xl font-bold tracking-tight">This link is not active</h1>
      <p className="mt-4 text-slate-700">Please ask your clinic for a new one.</p>
      <p className="mt-2 text-slate-700">
        If you have a printed handout, its exercises and advice still apply until your physiotherapist tells you otherwise.
      </p>
    </main>
  );
}
