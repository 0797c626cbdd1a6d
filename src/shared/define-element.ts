/**
 * What each element's `static define(tag, registry)` does: registers a subclass under
 * `tag` (so one class can serve several tags or registries), unless the tag is taken.
 */
export function defineElement(element: CustomElementConstructor, tag: string, registry: CustomElementRegistry): void {
  if (!registry.get(tag)) registry.define(tag, class extends element {});
}
