// The patient's own last two weeks of logged sessions.
import { formatDay } from "@/lib/adherence/dates";
import type { PatientSession } from "@/lib/adherence/log-session";

export function PatientPageHistory({ sessions, exerciseCount }: { sessions: PatientSession[]; exerciseCount: number }) {
  return (
    <div>
      <h3 className="text-xl font-semibold text-slate-900">Your last 14 days</h3>
      {sessions.length === 0 ? (
        <p className="mt-2 text-slate-700">Nothing logged yet. Your sessions will show here.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left">
          <caption className="sr-only">Sessions you logged in the last 14 days</caption>
          <thead>
            <tr className="border-b-2 border-slate-300 text-base text-slate-700">
              <th scope="col" className="py-2 pr-3 font-semibold">
                Date
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Exercises
              </th>
              <th scope="col" className="py-2 font-semibold">
                Pain
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className="border-b border-slate-200">
                <td className="py-2 pr-3">{formatDay(session.loggedOn)}</td>
                <td className="py-2 pr-3">
                  {session.exercisesDone} of {exerciseCount}
                </td>
                <td className="py-2">{session.pain}/10</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
