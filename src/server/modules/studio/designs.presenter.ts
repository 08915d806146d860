/** Shapes design rows and template definitions for the API (explicit response shape, STYLE G3). */
import type { RenderVariant } from '../../../shared/render/render.schema.js';
import type { DesignTemplateDefinition } from '../../../shared/studio/design-templates.js';
import type { Design, DesignTemplate } from '../../../shared/studio/designs.schema.js';
import type { FieldErrors } from '../../platform/errors.js';
import type { RegisteredTemplate } from '../../platform/render/template-registry.js';
import type { DesignRow } from './designs.repo.js';

export function presentDesign(row: DesignRow, assetProblems: FieldErrors = {}): Design {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    template: row.template,
    variant: row.variant as RenderVariant,
    data: row.data,
    assetIds: row.assetIds,
    campaignId: row.campaignId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    assetProblems,
  };
}

/** What the audit log keeps of a design (its data can be long: the asset ids and field names suffice). */
export function auditedDesign(row: DesignRow) {
  return { title: row.title, template: row.template, variant: row.variant, assetIds: row.assetIds, fields: Object.keys(row.data) };
}

export function presentTemplate(definition: DesignTemplateDefinition, registered: RegisteredTemplate): DesignTemplate {
  const { manifest } = registered;
  const png = manifest.outputs.png ?? { width: 0, height: 0 };
  return {
    name: manifest.name,
    title: manifest.title,
    description: manifest.description,
    variants: [...manifest.variants],
    png: { width: png.width, height: png.height },
    paper: definition.paper,
    formats: [...(manifest.outputs.png ? (['png'] as const) : []), ...(manifest.outputs.pdf ? (['pdf'] as const) : [])],
    use: definition.use,
    fields: definition.fields.map((field) => ({
      key: field.key,
      kind: field.kind,
      required: field.required ?? false,
      maxLength: field.maxLength ?? null,
      multiline: field.multiline ?? false,
      slot: field.slot ?? null,
    })),
  };
}
