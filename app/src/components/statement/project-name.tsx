/**
 * A project by its name, its id as the title (the id is what usage and the API name it by); a project
 * never created through the API has no name and goes by its id.
 */
export function ProjectName({
  projectId,
  names,
}: {
  projectId: string;
  names?: ReadonlyMap<string, string>;
}) {
  const name = names?.get(projectId);
  return name ? <span title={projectId}>{name}</span> : projectId;
}
