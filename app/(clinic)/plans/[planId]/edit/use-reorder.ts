"use client";

// Reordering the builder's exercises: with the Up/Down buttons (focus stays on the moved exercise's
// button, or its other one at an end of the list) and by dragging a card onto another's place.
import { useEffect, useRef, useState, type Dispatch } from "react";
import type { BuilderAction } from "./builder-reducer";
import type { ItemState } from "./builder-types";

export function useReorder(items: ItemState[], dispatch: Dispatch<BuilderAction>) {
  const [dragKey, setDragKey] = useState<string | null>(null);
  const focusAfterMove = useRef<{ key: string; which: "up" | "down" } | null>(null);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    const { key, which } = focusAfterMove.current;
    focusAfterMove.current = null;
    const button = document.getElementById(`item-${key}-${which}`) as HTMLButtonElement | null;
    const other = document.getElementById(`item-${key}-${which === "up" ? "down" : "up"}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : other)?.focus();
  });

  return {
    dragKey,
    /** The Up (-1) and Down (+1) buttons. */
    moveBy(index: number, delta: -1 | 1) {
      const to = index + delta;
      if (to < 0 || to >= items.length) return;
      focusAfterMove.current = { key: items[index].key, which: delta < 0 ? "up" : "down" };
      dispatch({ type: "move", from: index, to });
    },
    startDrag: (key: string) => setDragKey(key),
    endDrag: () => setDragKey(null),
    dropOn(index: number) {
      const from = items.findIndex((item) => item.key === dragKey);
      if (from >= 0) dispatch({ type: "move", from, to: index });
      setDragKey(null);
    },
  };
}
