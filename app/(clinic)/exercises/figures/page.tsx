import type { Metadata } from "next";
import { figureEntries } from "@/lib/figures/library";
import { FigureSvg } from "@/lib/figures/svg";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Figure contact sheet" };

/** Every built-in exercise figure on one page, so clinicians can check each reads as its exercise. */
export default function FigureContactSheetPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Figure contact sheet">
        <p className="text-slate-600">
          The picture drawn for each built-in exercise, exactly as it appears on screen and in the handout: the start
          position, the end position with an arrow along the movement, and a clock where the position is held.
        </p>
      </PageHeader>
      <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {figureEntries.map((entry, i) => (
          <li key={entry.slug}>
            <figure className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-1 items-center">
                <FigureSvg spec={entry.spec} title={`${entry.name}: start and end positions`} className="h-auto w-full" box={{ width: 260 }} />
              </div>
              <figcaption className="mt-2 border-t border-slate-100 pt-2 text-sm">
                <span className="font-medium text-slate-900">
                  {i + 1}. {entry.name}
                </span>
                <span className="mt-0.5 block font-mono text-xs text-slate-500">{entry.slug}</span>
              </figcaption>
            </figure>
          </li>
        ))}
      </ol>
    </div>
  );
}
