import { zodToJsonSchema } from 'zod-to-json-schema';
import { FlowNode } from '../dialog/flow-schema';
import { Agency, Form, Offering, Step, Topic } from '../knowledge/schema';
import type { EditableKind } from './entry-edit';

type ZodInput = Parameters<typeof zodToJsonSchema>[0];
// zod-to-json-schema types against its own zod import; the schemas are the same zod 3 objects at run time.
const ZOD_OF_KIND: Record<EditableKind, ZodInput> = {
  step: Step as unknown as ZodInput,
  agency: Agency as unknown as ZodInput,
  form: Form as unknown as ZodInput,
  topic: Topic as unknown as ZodInput,
  offering: Offering as unknown as ZodInput,
  node: FlowNode as unknown as ZodInput,
};

/**
 * The JSON Schema of each editable kind, generated from the zod schemas the loader checks with:
 * the tab builds its forms from these (one source of truth, no twin in the browser).
 */
export function entrySchemas(): Record<EditableKind, object> {
  return Object.fromEntries(
    Object.entries(ZOD_OF_KIND).map(([kind, schema]) => [
      kind,
      zodToJsonSchema(schema, { $refStrategy: 'none', target: 'jsonSchema7', effectStrategy: 'input' }),
    ]),
  ) as Record<EditableKind, object>;
}
