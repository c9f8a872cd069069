import { Button, Field, Input, Select, Switch, Textarea } from '@fluentui/react-components';
import { useState } from 'react';

/** The part of JSON Schema that zod-to-json-schema produces for the knowledge entries. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  default?: unknown;
}

type Value = unknown;
/** A field's problem from the server, by its dotted path ("contact.phone.0.number"). */
export type FieldProblems = Readonly<Record<string, string>>;

const LONG_TEXT = new Set(['summary', 'role', 'when', 'text', 'note', 'title', 'intro']);
const label = (key: string) => key.replace(/_/g, ' ');
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** An empty value of a schema (a new list item). */
function emptyOf(schema: JsonSchema): Value {
  if (schema.const !== undefined) return schema.const;
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((k) => [k, emptyOf(schema.properties?.[k] ?? { type: 'string' })]),
      );
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return 0;
    default:
      return schema.enum?.[0] ?? '';
  }
}

/** A free-form map (the dialog's conditions): edited as JSON, taken over once it parses. */
function JsonField(props: { title: string; value: Value; onChange: (v: Value) => void; problem?: string }) {
  const [text, setText] = useState(JSON.stringify(props.value ?? {}));
  const [bad, setBad] = useState(false);
  const message = bad ? 'Kein gültiges JSON, z. B. {"schulform": ["grundschule"]}' : props.problem;
  return (
    <Field
      label={`${props.title} (JSON)`}
      {...(message ? { validationState: 'error' as const, validationMessage: message } : {})}
    >
      <Input
        value={text}
        onChange={(_e, d) => {
          setText(d.value);
          try {
            props.onChange(JSON.parse(d.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
    </Field>
  );
}

/** The branch of an `anyOf` that fits the value (the dialog's node kinds: question, branch, outcome). */
const branchOf = (schema: JsonSchema, value: Value): JsonSchema =>
  schema.anyOf?.find((b) => b.properties?.kind?.const === (value as { kind?: unknown })?.kind) ??
  schema.anyOf?.[0] ??
  schema;

/**
 * A form for any entry, drawn from the JSON Schema the server generates from its zod schemas: objects
 * as groups, lists with add/remove, enums as selects. The server's check stays the authority.
 */
export function SchemaForm(props: {
  schema: JsonSchema;
  value: Value;
  onChange: (value: Value) => void;
  problems: FieldProblems;
}) {
  return <Node {...props} path={[]} name="" />;
}

function Node(props: {
  schema: JsonSchema;
  value: Value;
  onChange: (value: Value) => void;
  problems: FieldProblems;
  path: (string | number)[];
  name: string;
}) {
  const { value, onChange, problems, path, name } = props;
  const schema = props.schema.anyOf ? branchOf(props.schema, value) : props.schema;
  const key = path.join('.');
  const problem = problems[key];
  const type = typeOf(schema);
  const title = label(name);

  if (type === 'object' && !schema.properties)
    return <JsonField title={title} value={value} onChange={onChange} problem={problem} />;
  if (type === 'object') {
    const obj = (value ?? {}) as Record<string, Value>;
    const required = new Set(schema.required ?? []);
    const body = Object.entries(schema.properties ?? {}).map(([k, s]) => {
      const present = k in obj;
      if (!present && !required.has(k) && typeOf(s) !== 'array' && typeOf(s) !== 'boolean')
        return (
          <Button key={k} size="small" onClick={() => onChange({ ...obj, [k]: emptyOf(s) })}>
            {label(k)} hinzufügen
          </Button>
        );
      return (
        <Node
          key={k}
          schema={s}
          value={obj[k] ?? s.default ?? emptyOf(s)}
          onChange={(v) => onChange({ ...obj, [k]: v })}
          problems={problems}
          path={[...path, k]}
          name={k}
        />
      );
    });
    if (!path.length) return <div className="schema-form">{body}</div>;
    return (
      <fieldset className="schema-group">
        <legend>{title}</legend>
        {problem && <p className="problem">{problem}</p>}
        {body}
      </fieldset>
    );
  }

  if (type === 'array') {
    const list = Array.isArray(value) ? value : [];
    const item = schema.items ?? { type: 'string' };
    return (
      <fieldset className="schema-group">
        <legend>{title}</legend>
        {problem && <p className="problem">{problem}</p>}
        {list.map((v, i) => (
          <div key={i} className="row schema-item">
            <div style={{ flex: 1 }}>
              <Node
                schema={item}
                value={v}
                onChange={(nv) => onChange(list.map((x, j) => (j === i ? nv : x)))}
                problems={problems}
                path={[...path, i]}
                name={`${title} ${i + 1}`}
              />
            </div>
            <Button
              size="small"
              aria-label={`${title} ${i + 1} entfernen`}
              onClick={() => onChange(list.filter((_x, j) => j !== i))}
            >
              Entfernen
            </Button>
          </div>
        ))}
        <Button size="small" onClick={() => onChange([...list, emptyOf(item)])}>
          {title}: Eintrag hinzufügen
        </Button>
      </fieldset>
    );
  }

  const validation = problem ? { validationState: 'error' as const, validationMessage: problem } : {};
  if (schema.const !== undefined)
    return (
      <Field label={title}>
        <Input value={String(schema.const)} readOnly />
      </Field>
    );
  if (schema.enum)
    return (
      <Field label={title} {...validation}>
        <Select value={String(value ?? '')} onChange={(_e, d) => onChange(d.value)}>
          {schema.enum.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </Select>
      </Field>
    );
  if (type === 'boolean')
    return (
      <Field {...validation}>
        <Switch label={title} checked={value === true} onChange={(_e, d) => onChange(d.checked)} />
      </Field>
    );
  if (type === 'number' || type === 'integer')
    return (
      <Field label={title} {...validation}>
        <Input type="number" value={String(value ?? '')} onChange={(_e, d) => onChange(Number(d.value))} />
      </Field>
    );
  const text = String(value ?? '');
  const long = LONG_TEXT.has(name) || text.length > 80;
  return (
    <Field label={title} {...validation}>
      {long ? (
        <Textarea value={text} resize="vertical" onChange={(_e, d) => onChange(d.value)} />
      ) : (
        <Input value={text} onChange={(_e, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
