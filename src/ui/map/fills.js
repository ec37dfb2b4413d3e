// Recolours a map layer in one call from wasm: `fills` holds one fill per child of `group`, in
// order, separated by "\n" ("" removes the fill). Crossing from wasm to the DOM once per region
// (an element handle and a string each) cost more than the recolouring itself on a county map.
export function setFills(group, fills) {
  const children = group.children;
  const values = fills.split("\n");
  const n = Math.min(children.length, values.length);
  for (let i = 0; i < n; i++) {
    const el = children[i];
    const fill = values[i];
    if (!fill) el.removeAttribute("fill");
    else if (el.getAttribute("fill") !== fill) el.setAttribute("fill", fill);
  }
}
