//! Tests of the TypeScript parser on small inline sources.

use std::sync::Arc;

use super::{parse_source, Origin};
use crate::diagnostic::Diagnostics;
use crate::model::{
    Deprecation, EnumValue, Field, Literal, NamedRef, Presence, Scalar, StructDef, TypeDef, TypeKind, TypeRef,
};

fn run(text: &str) -> (Vec<TypeDef>, Vec<String>) {
    let display: Arc<str> = Arc::from("schemas/v/t.ts");
    let mut diags = Diagnostics::new();
    let types = parse_source(text, &Origin { display: &display, rel: "v/t.ts", dir: "v" }, &mut diags);
    // Problems inside a declaration go with it; without roots they are all reported.
    types.iter().flat_map(|t| &t.diagnostics).for_each(|d| diags.push(d.clone()));
    (types, diags.into_sorted().iter().map(ToString::to_string).collect())
}

fn ok(text: &str) -> Vec<TypeDef> {
    let (types, errors) = run(text);
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
    types
}

fn errors(text: &str) -> Vec<String> {
    run(text).1
}

fn def<'t>(types: &'t [TypeDef], name: &str) -> &'t TypeDef {
    types.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no type `{name}` in {:?}", names(types)))
}

fn names(types: &[TypeDef]) -> Vec<String> {
    types.iter().map(|t| format!("{}::{}", t.dir, t.name)).collect()
}

fn strukt<'t>(types: &'t [TypeDef], name: &str) -> &'t StructDef {
    match &def(types, name).kind {
        TypeKind::Struct(s) => s,
        other => panic!("`{name}` is not a struct: {other:?}"),
    }
}

fn field<'t>(types: &'t [TypeDef], ty: &str, name: &str) -> &'t Field {
    strukt(types, ty).fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no field `{name}` in `{ty}`"))
}

fn field_names(types: &[TypeDef], ty: &str) -> Vec<String> {
    strukt(types, ty).fields.iter().map(|f| f.name.clone()).collect()
}

fn named(ty: &TypeRef) -> (&str, Option<&str>) {
    match ty {
        TypeRef::Named(NamedRef { name, qualifier, .. }) => (name, qualifier.as_deref()),
        other => panic!("not a named ref: {other:?}"),
    }
}

fn enum_values(types: &[TypeDef], name: &str) -> (Vec<(Literal, Option<String>)>, bool) {
    match &def(types, name).kind {
        TypeKind::Enum(e) => (e.values.iter().map(|v| (v.value.clone(), v.member.clone())).collect(), e.open),
        other => panic!("`{name}` is not an enum: {other:?}"),
    }
}

fn s(text: &str) -> Literal {
    Literal::Str(text.into())
}

fn unsupported(ty: &TypeRef) -> &str {
    match ty {
        TypeRef::Unsupported(u) => &u.construct,
        other => panic!("not unsupported: {other:?}"),
    }
}

const FLOAT: TypeRef = TypeRef::Scalar(Scalar::Float);
const STRING: TypeRef = TypeRef::Scalar(Scalar::String);

// ---------------------------------------------------------------- interfaces and presence

#[test]
fn the_four_presence_states_and_required_undefined() {
    let types = ok("interface P {
        req: number;
        reqNull: number | null;
        opt?: number;
        optUndef?: number | undefined;
        optNull?: number | null;
        optNullUndef?: number | null | undefined;
        reqUndef: number | undefined;
        reqNullUndef: number | null | undefined;
    }");
    let state = |name: &str| {
        let f = field(&types, "P", name);
        assert_eq!(f.ty, FLOAT, "{name}");
        (f.presence, f.nullable)
    };
    use Presence::{Optional, Required};
    assert_eq!(state("req"), (Required, false));
    assert_eq!(state("reqNull"), (Required, true));
    assert_eq!(state("opt"), (Optional, false));
    assert_eq!(state("optUndef"), (Optional, false));
    assert_eq!(state("optNull"), (Optional, true));
    assert_eq!(state("optNullUndef"), (Optional, true));
    assert_eq!(state("reqUndef"), (Optional, false));
    assert_eq!(state("reqNullUndef"), (Optional, true));
}

#[test]
fn members_separators_names_and_locations() {
    let types = ok("export interface A {\n  readonly a: string, 'b-c'?: boolean\n  0: number;\n  readonly: string\n  get: bigint;;\n}");
    assert_eq!(field_names(&types, "A"), vec!["a", "b-c", "0", "readonly", "get"]);
    let a = def(&types, "A");
    assert_eq!((a.loc.line, a.loc.col), (1, 18));
    assert_eq!((a.dir.as_str(), a.file.as_str()), ("v", "v/t.ts"));
    let f = field(&types, "A", "b-c");
    assert_eq!((f.loc.line, f.loc.col, f.wire_name.as_str()), (2, 23, "b-c"));
    assert_eq!(field(&types, "A", "get").ty, TypeRef::Scalar(Scalar::Integer));
}

#[test]
fn scalar_and_container_types() {
    let types = ok("interface T {
        a: string; b: number; c: boolean; d: any; e: unknown; f: object; g: {}; h: Date;
        i: string[]; j: Array<number>; k: ReadonlyArray<string>; l: readonly string[];
        m: Record<string, unknown>; n: { [key: string]: number }; o: string[][];
        p: Array<string | null>; q: (A | null)[];
    }");
    let ty = |n: &str| field(&types, "T", n).ty.clone();
    let list = |t: TypeRef| TypeRef::List(Box::new(t));
    assert_eq!(ty("a"), STRING);
    assert_eq!(ty("b"), FLOAT);
    assert_eq!(ty("c"), TypeRef::Scalar(Scalar::Boolean));
    for any in ["d", "e", "f", "g"] {
        assert_eq!(ty(any), TypeRef::Scalar(Scalar::Any), "{any}");
    }
    assert_eq!(ty("h"), TypeRef::Scalar(Scalar::DateTime));
    assert_eq!(ty("i"), list(STRING));
    assert_eq!(ty("j"), list(FLOAT));
    assert_eq!(ty("k"), list(STRING));
    assert_eq!(ty("l"), list(STRING));
    assert_eq!(ty("m"), TypeRef::Map(Box::new(TypeRef::Scalar(Scalar::Any))));
    assert_eq!(ty("n"), TypeRef::Map(Box::new(FLOAT)));
    assert_eq!(ty("o"), list(list(STRING)));
    assert_eq!(ty("p"), list(TypeRef::Nullable(Box::new(STRING))));
    let TypeRef::List(inner) = ty("q") else { panic!() };
    let TypeRef::Nullable(inner) = *inner else { panic!() };
    assert_eq!(named(&inner), ("A", None));
}

#[test]
fn literal_types() {
    let types =
        ok("interface L { object: 'chat.completion'; stream: false | null; rate: 24000; neg: -1; flag: true | false }");
    assert_eq!(field(&types, "L", "object").ty, TypeRef::Literal(s("chat.completion")));
    let stream = field(&types, "L", "stream");
    assert_eq!((stream.ty.clone(), stream.nullable), (TypeRef::Literal(Literal::Bool(false)), true));
    assert_eq!(field(&types, "L", "rate").ty, TypeRef::Literal(Literal::Int(24000)));
    assert_eq!(field(&types, "L", "neg").ty, TypeRef::Literal(Literal::Int(-1)));
    assert_eq!(field(&types, "L", "flag").ty, TypeRef::Scalar(Scalar::Boolean));
}

#[test]
fn qualified_and_global_references() {
    let types = ok("interface R { a: CompletionsAPI.CompletionUsage; b: A.B.C; c: globalThis.Blob; d: Blob }");
    assert_eq!(named(&field(&types, "R", "a").ty), ("CompletionUsage", Some("CompletionsAPI")));
    assert_eq!(named(&field(&types, "R", "b").ty), ("C", Some("A.B")));
    assert_eq!(named(&field(&types, "R", "c").ty), ("Blob", Some("globalThis")));
    assert_eq!(named(&field(&types, "R", "d").ty), ("Blob", None));
    let TypeRef::Named(b) = &field(&types, "R", "b").ty else { panic!() };
    assert_eq!((b.loc.line, b.loc.col, b.link.clone(), b.target, b.boxed), (1, 53, None, None, false));
}

#[test]
fn unsupported_types_quote_the_source() {
    let types = ok("interface U {
        onmessage: (e: LiveServerMessage) => void;
        onopen?: (() => void) | null;
        t: [string, number];
        tl: `a-${string}`;
        k: keyof Foo;
        ty: typeof x;
        ix: Foo['bar'];
        inter: A & { b: string };
        p: Promise<Tool>;
        m: { [K in Keys]: string };
        c: T extends string ? A : B;
        abortSignal?: AbortSignal;
    }");
    let construct = |n: &str| unsupported(&field(&types, "U", n).ty).to_string();
    assert_eq!(construct("onmessage"), "function type `(e: LiveServerMessage) => void`");
    let onopen = field(&types, "U", "onopen");
    assert_eq!(
        (unsupported(&onopen.ty), onopen.presence, onopen.nullable),
        ("function type `() => void`", Presence::Optional, true)
    );
    assert_eq!(construct("t"), "tuple type `[string, number]`");
    assert_eq!(construct("tl"), "template literal type ``a-${string}``");
    assert_eq!(construct("k"), "`keyof` type `keyof Foo`");
    assert_eq!(construct("ty"), "`typeof` type `typeof x`");
    assert_eq!(construct("ix"), "indexed access type `Foo['bar']`");
    assert_eq!(construct("inter"), "intersection type `A & { b: string }`");
    assert_eq!(construct("p"), "generic type `Promise<Tool>`");
    assert_eq!(construct("m"), "mapped type `{ [K in Keys]: string }`");
    assert_eq!(construct("c"), "conditional type `T extends string ? A : B`");
    assert_eq!(named(&field(&types, "U", "abortSignal").ty), ("AbortSignal", None));
    let TypeRef::Unsupported(u) = &field(&types, "U", "onmessage").ty else { panic!() };
    assert_eq!((u.loc.line, u.loc.col), (2, 20));
}

#[test]
fn long_unsupported_types_are_cut_to_60_characters() {
    let types = ok("interface U { f: (aVeryLongParameterName: SomeType, anotherVeryLongOne: OtherType) => void }");
    let construct = unsupported(&field(&types, "U", "f").ty);
    assert!(construct.ends_with("…`"), "{construct}");
    assert!(construct.chars().count() < 80);
}

#[test]
fn methods_call_signatures_and_index_signatures() {
    let types = ok("export interface CallableTool {
        /** Tool. */
        tool(): Promise<Tool>;
        callTool(functionCalls: FunctionCall[]): Promise<Part[]>;
        generic<T>(x: T): T
        (call: string): void;
        new (x: number): CallableTool;
        /** Extra keys. */
        [key: string]: unknown;
        name?: string;
    }
    interface OnlyMap { [k: string]: Usage }
    interface Empty {}");
    let tool = strukt(&types, "CallableTool");
    assert_eq!(field_names(&types, "CallableTool"), vec!["name"]);
    assert_eq!(tool.additional.as_ref().map(|d| d.lines.clone()), Some(vec!["Extra keys.".to_string()]));
    let TypeKind::Alias(TypeRef::Map(value)) = &def(&types, "OnlyMap").kind else { panic!() };
    assert_eq!(named(value), ("Usage", None));
    assert_eq!(strukt(&types, "Empty"), &StructDef::default());
}

#[test]
fn extends_becomes_bases() {
    let types = ok("/** @deprecated */\nexport declare interface GenerationConfigThinkingConfig\n  extends ThinkingConfig, Shared.Base {}");
    let d = def(&types, "GenerationConfigThinkingConfig");
    assert_eq!(d.deprecated, Some(Deprecation { note: None }));
    let bases: Vec<_> = strukt(&types, "GenerationConfigThinkingConfig")
        .bases
        .iter()
        .map(|b| (b.name.clone(), b.qualifier.clone()))
        .collect();
    assert_eq!(bases, vec![("ThinkingConfig".into(), None), ("Base".into(), Some("Shared".into()))]);
}

#[test]
fn generic_declarations_are_unsupported_whole() {
    let types = ok("export declare interface Operation<T> { name?: string; response?: T; }
    export interface OperationGetParameters<T, U extends Operation<T>> { operation: U; }
    export type Box<T> = { value: T };
    export class Holder<T> { value?: T }
    interface Narrow extends Omit<Base, 'x'> { y: string }");
    let construct = |n: &str| match &def(&types, n).kind {
        TypeKind::Unsupported(u) => u.construct.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(construct("Operation"), "generic interface `Operation<T>`");
    assert_eq!(
        construct("OperationGetParameters"),
        "generic interface `OperationGetParameters<T, U extends Operation<T>>`"
    );
    assert_eq!(construct("Box"), "generic type alias `Box<T>`");
    assert_eq!(construct("Holder"), "generic class `Holder<T>`");
    assert_eq!(construct("Narrow"), "interface `Narrow` extending `Omit<Base, 'x'>`");
    let TypeKind::Unsupported(u) = &def(&types, "Operation").kind else { panic!() };
    assert_eq!((u.loc.line, u.loc.col), (1, 26));
    assert_eq!(types.len(), 5);
}

// ---------------------------------------------------------------- merging and namespaces

#[test]
fn interfaces_declared_twice_merge() {
    let types = ok("export interface Up { a?: string }\nexport interface Up { /** B. */ b: number }");
    assert_eq!(types.len(), 1);
    assert_eq!(field_names(&types, "Up"), vec!["a", "b"]);
    assert_eq!(field(&types, "Up", "b").docs.lines, vec!["B."]);
}

#[test]
fn a_property_repeated_with_the_same_type_in_a_merged_interface_is_one_property() {
    // js-genai's `UploadToFileSearchStoreParameters`: legal TypeScript, one property. Layout,
    // comments and quote style do not change the type; an inline type is generated once.
    let types = ok("interface Up { a?: string; /** Doc. */ b: 'x' | \"y\"; c: { d: number } }
        // again, as the SDK declares it further down
        export interface Up {
          a?: string
          b:
            | 'x' // first
            | 'y';
          c: { d: number };
          e: boolean;
        }");
    assert_eq!(field_names(&types, "Up"), vec!["a", "b", "c", "e"]);
    assert_eq!(field(&types, "Up", "b").docs.lines, vec!["Doc."]);
    assert_eq!(names(&types), vec!["v::Up", "v::UpB", "v::UpC"]);
}

#[test]
fn a_property_repeated_with_another_type_in_a_merged_interface_is_an_error() {
    let note = "note: `a` is first declared at schemas/v/t.ts:1:16 with another type; merged declarations may repeat a property only with the same type";
    assert_eq!(
        errors("interface Up { a?: string }\ninterface Up { a?: number }"),
        vec![format!("schemas/v/t.ts:2:16: duplicate property `a` in `Up`\n  {note}")]
    );
    // Optional in one, required in the other: not the same declaration either.
    assert_eq!(errors("interface Up { a?: string }\ninterface Up { a: string }").len(), 1);
}

#[test]
fn a_second_enum_or_alias_of_the_same_name_is_an_error() {
    assert_eq!(
        errors("enum E { A = 'a' }\ntype E = string;\ninterface E {}"),
        vec![
            "schemas/v/t.ts:2:6: duplicate type `E`\n  note: `E` is already declared at schemas/v/t.ts:1:6; TypeScript merges only interfaces (and an interface with a class)",
            "schemas/v/t.ts:3:11: duplicate type `E`\n  note: `E` is already declared at schemas/v/t.ts:1:6; TypeScript merges only interfaces (and an interface with a class)",
        ]
    );
}

#[test]
fn a_duplicate_property_in_one_body_is_an_error() {
    assert_eq!(
        errors("interface D {\n  a: string;\n  a?: number;\n}"),
        vec!["schemas/v/t.ts:3:3: duplicate property `a` in `D`\n  note: `a` is first declared at schemas/v/t.ts:2:3; a property may be declared once"]
    );
}

#[test]
fn namespaces_add_folders_and_qualified_refs_keep_their_qualifier() {
    let types = ok("export interface CompletionUsage {
  completion_tokens_details?: CompletionUsage.CompletionTokensDetails;
}
export namespace CompletionUsage {
  export interface CompletionTokensDetails { audio_tokens?: number }
  export namespace Deeper.Still { export interface X { a: string } }
}
declare module 'ambient' { interface Y { b: string } }
declare global { interface Z {} }");
    assert_eq!(
        names(&types),
        vec![
            "v::CompletionUsage",
            "v/CompletionUsage::CompletionTokensDetails",
            "v/CompletionUsage/Deeper/Still::X",
            "v::Y",
            "v::Z"
        ]
    );
    assert_eq!(
        named(&field(&types, "CompletionUsage", "completion_tokens_details").ty),
        ("CompletionTokensDetails", Some("CompletionUsage"))
    );
}

#[test]
fn root_folder_namespaces_have_no_leading_slash() {
    let display: Arc<str> = Arc::from("x.ts");
    let mut diags = Diagnostics::new();
    let types =
        parse_source("namespace N { interface A {} }", &Origin { display: &display, rel: "x.ts", dir: "" }, &mut diags);
    assert!(diags.is_empty());
    assert_eq!(types.first().map(|t| t.dir.as_str()), Some("N"));
}

// ---------------------------------------------------------------- JSDoc attachment

#[test]
fn jsdoc_layouts_attach_to_declarations_and_members() {
    let types = ok("/** Usage metadata about response(s). */
export declare interface UsageMetadata {
  /** Output only. One line. */
  a?: number;
  /** Text on the first line
   */
  b?: number;
  /** Continuation lines
      without a star. */
  c?: number;
  /**
   * Classic.
   *
   * Second paragraph with `code`.
   */
  d?: number;
  /** Required. Raw bytes.
   * @remarks Encoded as base64 string. */
  e?: string;
  /** Auth. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  auth?: any;
  /** Old.
   * @deprecated Use `b`. */
  old?: number;
  /** Deprecated: prose only. */
  prose?: number;
  undocumented?: number;
}");
    assert_eq!(def(&types, "UsageMetadata").docs.lines, vec!["Usage metadata about response(s)."]);
    let docs = |n: &str| field(&types, "UsageMetadata", n).docs.lines.clone();
    assert_eq!(docs("a"), vec!["Output only. One line."]);
    assert_eq!(docs("b"), vec!["Text on the first line"]);
    assert_eq!(docs("c"), vec!["Continuation lines", "without a star."]);
    assert_eq!(docs("d"), vec!["Classic.", "", "Second paragraph with `code`."]);
    assert_eq!(docs("e"), vec!["Required. Raw bytes.", "", "Encoded as base64 string."]);
    assert_eq!(docs("auth"), vec!["Auth."]);
    assert_eq!(docs("old"), vec!["Old."]);
    assert_eq!(field(&types, "UsageMetadata", "old").deprecated, Some(Deprecation { note: Some("Use `b`.".into()) }));
    assert_eq!(docs("prose"), vec!["Deprecated: prose only."]);
    assert_eq!(field(&types, "UsageMetadata", "prose").deprecated, None);
    assert!(docs("undocumented").is_empty());
}

#[test]
fn jsdoc_between_export_and_declare() {
    let types = ok("export /** Used to override the default configuration. */\ndeclare interface ListFilesConfig { pageSize?: number }");
    assert_eq!(def(&types, "ListFilesConfig").docs.lines, vec!["Used to override the default configuration."]);
}

#[test]
fn the_nearest_jsdoc_wins_and_plain_comments_are_ignored() {
    let types = ok("/** File header. */\n\n/** A. */\n/* plain */ interface A {}\ninterface B {}");
    assert_eq!(def(&types, "A").docs.lines, vec!["A."]);
    assert!(def(&types, "B").docs.is_empty());
}

// ---------------------------------------------------------------- classes

#[test]
fn class_bodies_keep_only_public_properties() {
    let types = ok(r#"export class GenerateContentResponse extends Base implements Operation<X>, Other {
  /** Candidates. */
  candidates?: Candidate[];
  functionResponses: FunctionResponse[] | FunctionResponse = [];
  sdkHttpResponse!: HttpResponse;
  label = `prefix ${ {a: 1}['a'] } and ${'}'}`;
  config = { nested: { deep: [1, 2, 3] }, s: '}' };
  private secret: string = "x";
  protected p?: number;
  static instances: number = 0;
  #hidden = 1;
  readonly kept: string;
  declare declared?: string;
  public override over?: number;
  [key: string]: unknown;
  static { init(); }
  constructor(x: number) { this.secret = `${x}`; }
  /* Internal method */
  toReferenceImageAPI(): any { const a = x < y; return {a}; }
  _fromAPIResponse({
    apiResponse,
    _isVertexAI,
  }: OperationFromAPIResponseParameters): Operation<X> {
    if (a) { return b; }
  }
  get text(): string | undefined {
    return `${this.candidates}`;
  }
  set value(v: string) {}
  async load(): Promise<void> {}
  @decorator() decorated?: string;
  last?: boolean
}"#);
    assert_eq!(
        field_names(&types, "GenerateContentResponse"),
        vec![
            "candidates",
            "functionResponses",
            "sdkHttpResponse",
            "label",
            "config",
            "kept",
            "declared",
            "over",
            "decorated",
            "last"
        ]
    );
    let s = strukt(&types, "GenerateContentResponse");
    assert_eq!(s.bases.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), vec!["Base"]);
    assert_eq!(field(&types, "GenerateContentResponse", "candidates").docs.lines, vec!["Candidates."]);
    let fr = field(&types, "GenerateContentResponse", "functionResponses");
    assert_eq!(fr.presence, Presence::Required);
    assert_eq!(named(&fr.ty), ("GenerateContentResponseFunctionResponses", None));
    assert!(unsupported(&field(&types, "GenerateContentResponse", "label").ty).contains("without a type annotation"));
}

#[test]
fn an_empty_class() {
    let types = ok("export class ReinforcementTuningScorer {}");
    assert_eq!(strukt(&types, "ReinforcementTuningScorer"), &StructDef::default());
}

// ---------------------------------------------------------------- enums

#[test]
fn string_enums_keep_member_names_and_values() {
    let types = ok("/** Service tier. */
export enum ServiceTier {
  /**
   * Default.
   */
  UNSPECIFIED = 'unspecified',
  /** Flex. */
  FLEX = \"flex\",
  /** @deprecated Gone. */
  'legacy-tier' = 'legacy',
}");
    let (values, open) = enum_values(&types, "ServiceTier");
    assert!(!open);
    assert_eq!(
        values,
        vec![
            (s("unspecified"), Some("UNSPECIFIED".into())),
            (s("flex"), Some("FLEX".into())),
            (s("legacy"), Some("legacy-tier".into()))
        ]
    );
    let TypeKind::Enum(e) = &def(&types, "ServiceTier").kind else { panic!() };
    let first: &EnumValue = &e.values[0];
    assert_eq!((first.docs.lines.clone(), first.loc.line, first.loc.col), (vec!["Default.".to_string()], 6, 3));
    assert_eq!(e.values[2].deprecated, Some(Deprecation { note: Some("Gone.".into()) }));
    assert_eq!(def(&types, "ServiceTier").docs.lines, vec!["Service tier."]);
}

#[test]
fn numeric_enums_count_on_like_typescript() {
    let types = ok("const enum N { A, B, C = 10, D, E = -1, F }\ndeclare enum Single { COLLECTION = 'COLLECTION' }");
    let (values, _) = enum_values(&types, "N");
    let ints: Vec<Literal> = values.into_iter().map(|(v, _)| v).collect();
    assert_eq!(ints, [0, 1, 10, 11, -1, 0].map(Literal::Int).to_vec());
    assert_eq!(enum_values(&types, "Single").0, vec![(s("COLLECTION"), Some("COLLECTION".into()))]);
}

#[test]
fn computed_enum_values_make_the_enum_unsupported() {
    let types = ok("enum Flags { A = 1 << 0, B = A | 2 }");
    let TypeKind::Unsupported(u) = &def(&types, "Flags").kind else { panic!() };
    assert_eq!(u.construct, "an enum with a computed member value `A = 1 << 0`");
}

#[test]
fn a_missing_comma_between_enum_members_is_reported_not_taken_for_a_computed_value() {
    assert_eq!(
        errors("enum M {\n  TEXT = 'TEXT',\n  IMAGE = 'IMAGE'\n  AUDIO = 'AUDIO',\n}"),
        vec!["schemas/v/t.ts:4:3: expected `,` between enum member `IMAGE` and `AUDIO`\n  note: enum members are separated by `,`"]
    );
}

#[test]
fn a_member_after_a_string_member_needs_a_value() {
    assert_eq!(
        errors("enum E { A = 'a', B }"),
        vec!["schemas/v/t.ts:1:19: enum member `B` has no value\n  note: after a string-valued member every member needs `= value`"]
    );
}

// ---------------------------------------------------------------- type aliases

#[test]
fn type_aliases() {
    let types = ok("export type PartUnion = Part | string;
export type ReferenceImage =
  | RawReferenceImage
  | MaskReferenceImage;
export type BlobImageUnion = Blob;
export type ToolListUnion = ToolUnion[];
export type SchemaUnion = Schema | unknown;
export type Tier = 'standard' | 'priority' | null;
export type Rate = 1 | 2
export type Voice = (string & {}) | 'alloy' | 'echo';
export type Single = 'only';
export type Usage = { tokens: number };
export type JSONObject = { [key: string]: JSONValue | undefined };
export type JSONValue = null | string | number | boolean | JSONObject | JSONArray;
");
    let TypeKind::Union(u) = &def(&types, "PartUnion").kind else { panic!() };
    assert_eq!(u.variants.iter().map(|v| v.ty.clone()).collect::<Vec<_>>()[1], STRING);
    assert_eq!(named(&u.variants[0].ty), ("Part", None));
    let TypeKind::Union(u) = &def(&types, "ReferenceImage").kind else { panic!() };
    assert_eq!(u.variants.len(), 2);
    assert_eq!((u.variants[1].loc.line, u.variants[1].loc.col), (4, 5));
    let TypeKind::Alias(blob) = &def(&types, "BlobImageUnion").kind else { panic!() };
    assert_eq!(named(blob), ("Blob", None));
    let TypeKind::Alias(TypeRef::List(tool)) = &def(&types, "ToolListUnion").kind else { panic!() };
    assert_eq!(named(tool), ("ToolUnion", None));
    assert_eq!(def(&types, "SchemaUnion").kind, TypeKind::Alias(TypeRef::Scalar(Scalar::Any)));
    assert_eq!(enum_values(&types, "Tier"), (vec![(s("standard"), None), (s("priority"), None)], false));
    assert_eq!(enum_values(&types, "Rate").0, vec![(Literal::Int(1), None), (Literal::Int(2), None)]);
    assert_eq!(enum_values(&types, "Voice"), (vec![(s("alloy"), None), (s("echo"), None)], true));
    assert_eq!(def(&types, "Single").kind, TypeKind::Alias(TypeRef::Literal(s("only"))));
    assert_eq!(field(&types, "Usage", "tokens").ty, FLOAT);
    let TypeKind::Alias(TypeRef::Map(value)) = &def(&types, "JSONObject").kind else { panic!() };
    assert_eq!(named(value), ("JSONValue", None));
    let TypeKind::Union(u) = &def(&types, "JSONValue").kind else { panic!() };
    assert_eq!(u.variants.len(), 5);
}

// ---------------------------------------------------------------- inline types

#[test]
fn string_literal_unions_in_properties_become_enums() {
    let types = ok("export interface ChatCompletion {
  /** The tier. */
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null;
  modelRoutingPreference?:
    | 'UNKNOWN'
    | 'PRIORITIZE_QUALITY';
  voice: (string & {}) | 'alloy' | 'ash';
  modalities?: Array<'text' | 'audio'> | null;
}");
    let tier = field(&types, "ChatCompletion", "service_tier");
    assert_eq!(
        (named(&tier.ty), tier.presence, tier.nullable),
        (("ChatCompletionServiceTier", None), Presence::Optional, true)
    );
    let (values, open) = enum_values(&types, "ChatCompletionServiceTier");
    assert_eq!((values.len(), open), (6, false));
    assert_eq!(values[0], (s("auto"), None));
    let generated = def(&types, "ChatCompletionServiceTier");
    // Not the property's docs ("The tier."), which the field keeps: where it comes from.
    let of = generated.inline_of.as_ref().expect("made from a property");
    assert_eq!(
        (generated.docs.lines.is_empty(), of.parent.as_str(), of.property.as_str(), generated.dir.as_str()),
        (true, "ChatCompletion", "service_tier", "v")
    );
    assert_eq!(tier.docs.lines, vec!["The tier."]);
    assert_eq!(enum_values(&types, "ChatCompletionModelRoutingPreference").0.len(), 2);
    assert_eq!(enum_values(&types, "ChatCompletionVoice"), (vec![(s("alloy"), None), (s("ash"), None)], true));
    let TypeRef::List(item) = &field(&types, "ChatCompletion", "modalities").ty else { panic!() };
    assert_eq!(named(item), ("ChatCompletionModalities", None));
    assert_eq!(
        names(&types),
        vec![
            "v::ChatCompletion",
            "v::ChatCompletionServiceTier",
            "v::ChatCompletionModelRoutingPreference",
            "v::ChatCompletionVoice",
            "v::ChatCompletionModalities"
        ]
    );
}

#[test]
fn unions_in_properties_become_generated_unions() {
    let types = ok("interface FunctionResponsePart {
  functionResponses: FunctionResponse[] | FunctionResponse;
  file: string | globalThis.Blob;
}");
    let TypeKind::Union(u) = &def(&types, "FunctionResponsePartFunctionResponses").kind else { panic!() };
    assert!(matches!(u.variants[0].ty, TypeRef::List(_)));
    assert_eq!(named(&u.variants[1].ty), ("FunctionResponse", None));
    let TypeKind::Union(u) = &def(&types, "FunctionResponsePartFile").kind else { panic!() };
    assert_eq!(u.variants[0].ty, STRING);
    assert_eq!(named(&u.variants[1].ty), ("Blob", Some("globalThis")));
}

#[test]
fn inline_objects_become_generated_structs_with_composed_names() {
    let types = ok("export type LanguageModelV3Usage = {
  /** Input tokens. */
  inputTokens: {
    total: number | undefined;
    noCache: number | undefined;
    detail?: { cached: number };
  };
  outputTokens: { total: number | undefined };
  raw?: JSONObject;
};");
    assert_eq!(
        names(&types),
        vec![
            "v::LanguageModelV3Usage",
            "v::LanguageModelV3UsageInputTokens",
            "v::LanguageModelV3UsageInputTokensDetail",
            "v::LanguageModelV3UsageOutputTokens"
        ]
    );
    let input = field(&types, "LanguageModelV3Usage", "inputTokens");
    assert_eq!((named(&input.ty), input.presence), (("LanguageModelV3UsageInputTokens", None), Presence::Required));
    let generated = def(&types, "LanguageModelV3UsageInputTokens");
    let of = generated.inline_of.as_ref().expect("made from a property");
    assert_eq!((of.parent.as_str(), of.property.as_str()), ("LanguageModelV3Usage", "inputTokens"));
    assert!(generated.docs.is_empty());
    assert_eq!(input.docs.lines, vec!["Input tokens."]);
    let total = field(&types, "LanguageModelV3UsageInputTokens", "total");
    assert_eq!((total.presence, total.nullable), (Presence::Optional, false));
    assert_eq!(field(&types, "LanguageModelV3UsageInputTokensDetail", "cached").ty, FLOAT);
    let g = def(&types, "LanguageModelV3UsageInputTokens");
    assert_eq!((g.loc.line, g.loc.col), (3, 16));
}

#[test]
fn generated_names_never_collide_with_declared_ones() {
    let types = ok("interface A { b: { c: string } }\ninterface AB { x: number }");
    assert_eq!(names(&types), vec!["v::A", "v::AB2", "v::AB"]);
    assert_eq!(named(&field(&types, "A", "b").ty), ("AB2", None));
}

// ---------------------------------------------------------------- skipped items

#[test]
fn imports_functions_variables_and_reexports_are_skipped() {
    let types = ok(r#"import * as CompletionsAPI from './completions';
import { type A, B } from "./b";
import type { C } from './c';
export { X, type Y } from './x';
export * from './all';
export * as ns from './ns';
export type { Z } from './z';
export default Foo;
export function tBytes(x: string): string { if (x) { return `${x}}`; } return '{'; }
function helper<T>(a: T): { a: T } { return { a }; }
export declare function declared(x: number): void;
export async function load(): Promise<void> {}
export const VERSION = '1.0';
let counter = { a: [1, 2] }
const call = make({ a: 1 })
export interface AfterCall { a: string }
var legacy = 1
Foo.bar = baz;
export interface Kept { a: string }
"#);
    assert_eq!(names(&types), vec!["v::AfterCall", "v::Kept"]);
}

// ---------------------------------------------------------------- whole vendor files

#[test]
fn type_predicates_in_functions_and_methods_are_skipped_with_them() {
    // js-genai types.ts:2217, and the other forms TypeScript has.
    let types = ok("function _isPart(obj: unknown): obj is Part {
  if (typeof obj === 'object' && obj !== null) { return 'text' in obj; }
  return false;
}
export function assertPart(x: unknown): asserts x is Part {}
export function assertOk(x: unknown): asserts x;
export function assertOk(x: unknown): asserts x { if (!x) throw new Error('{'); }
export class Checker {
  part?: Part;
  isPart(): this is Part { return true; }
  check(value: unknown): value is Part { return _isPart(value); }
}
export interface Part { text?: string }
");
    assert_eq!(names(&types), vec!["v::Checker", "v::Part"]);
    assert_eq!(field_names(&types, "Checker"), vec!["part"]);
}

#[test]
fn imports_mark_the_references_they_name() {
    let types = ok("import * as CompletionsAPI from './completions';
import type * as Cohere from '../index';
import { UsageTokens, type Billed as B, Other } from './UsageTokens';
import Default, { Named } from './named';
export interface Usage {
  a: CompletionsAPI.CompletionUsage;
  b?: Cohere.UsageBilledUnits;
  c: UsageTokens.Raw;
  d: B;
  e: Named;
  f: Default;
  g: Local;
  h: Other.Inner.Deep;
}
export interface Local { x: string }
export namespace Other { export interface Inner {} }
");
    let import = |name: &str| match &field(&types, "Usage", name).ty {
        TypeRef::Named(named) => named.import.as_deref().map(|i| (i.from.clone(), i.name.clone())),
        other => panic!("not a named ref: {other:?}"),
    };
    let from = |path: &str, name: Option<&str>| Some((path.to_string(), name.map(str::to_string)));
    assert_eq!(import("a"), from("./completions", None));
    assert_eq!(import("b"), from("../index", None));
    assert_eq!(import("c"), from("./UsageTokens", Some("UsageTokens")));
    assert_eq!(import("d"), from("./UsageTokens", Some("Billed")));
    assert_eq!(import("e"), from("./named", Some("Named")));
    // A default import names no declaration; a name the file declares itself (a type or a
    // namespace) is its own, whatever is imported.
    assert_eq!(import("f"), None);
    assert_eq!(import("g"), None);
    assert_eq!(import("h"), None);
}

#[test]
fn problems_inside_a_declaration_go_with_it() {
    let display: Arc<str> = Arc::from("schemas/v/t.ts");
    let mut diags = Diagnostics::new();
    let text = "export interface Bad {\n  a: ;\n}\nexport interface Good { b: string }\n}\n";
    let types = parse_source(text, &Origin { display: &display, rel: "v/t.ts", dir: "v" }, &mut diags);
    let bad = def(&types, "Bad");
    assert_eq!(bad.diagnostics.len(), 1);
    assert!(bad.diagnostics[0].to_string().starts_with("schemas/v/t.ts:2:6: expected a type, found `;`"));
    assert!(def(&types, "Good").diagnostics.is_empty());
    // The stray `}` belongs to no declaration: unattached, dropped when roots are given.
    assert_eq!(diags.len(), 1);
    diags.drop_unattached();
    assert!(diags.is_empty());
}

#[test]
fn a_declaration_without_its_body_leaves_a_placeholder_with_its_problem() {
    let (types, errors) = run("export interface Broken extends Base\nexport interface After { a: string }");
    let broken = def(&types, "Broken");
    match &broken.kind {
        TypeKind::Unsupported(u) => assert_eq!(u.construct, "a declaration that does not parse (`interface Broken`)"),
        other => panic!("not a placeholder: {other:?}"),
    }
    assert_eq!(broken.diagnostics.len(), 1);
    assert!(
        errors[0].starts_with("schemas/v/t.ts:2:1: expected `{` to open the body of `interface Broken`"),
        "{errors:?}"
    );
    assert_eq!(field_names(&types, "After"), vec!["a"]);
}

#[test]
fn a_duplicate_type_goes_with_the_first_declaration() {
    let (types, errors) = run("enum E { A = 'a' }\ntype E = string;");
    assert_eq!(types.len(), 1);
    assert_eq!(def(&types, "E").diagnostics.len(), 1);
    assert!(errors[0].starts_with("schemas/v/t.ts:2:6: duplicate type `E`"), "{errors:?}");
}

// ---------------------------------------------------------------- diagnostics

#[test]
fn an_unclosed_interface_is_reported_at_its_brace() {
    assert_eq!(
        errors("/** Usage. */\nexport interface UsageMetadata {\n  a?: number;\n"),
        vec!["schemas/v/t.ts:2:32: `interface UsageMetadata` is not closed: no `}` matches this `{`\n  note: every `{` of a declaration needs its `}`; check for a missing `}` or an unterminated type"]
    );
}

#[test]
fn unclosed_class_enum_and_namespace_are_reported() {
    let e = errors("class C {\n  a: string;");
    assert!(e[0].starts_with("schemas/v/t.ts:1:9: `class C` is not closed"), "{e:?}");
    let e = errors("enum E {\n  A = 'a',");
    assert!(e[0].starts_with("schemas/v/t.ts:1:8: `enum E` is not closed"), "{e:?}");
    let e = errors("namespace N.M {\n  interface A {}");
    assert!(e[0].starts_with("schemas/v/t.ts:1:15: `namespace N.M` is not closed"), "{e:?}");
}

#[test]
fn a_bad_member_is_reported_and_the_rest_is_kept() {
    let (types, errors) =
        run("interface A {\n  a: string;\n  = oops;\n  b?: number;\n  c number;\n  d: ;\n  e: string\n}");
    assert_eq!(field_names(&types, "A"), vec!["a", "b", "e"]);
    assert_eq!(
        errors,
        vec![
            "schemas/v/t.ts:3:3: expected a property name, found `=`\n  note: a member is `name: Type` or `name?: Type`",
            "schemas/v/t.ts:5:5: property `c` has no type: expected `:`, found `number`\n  note: write `c: Type`",
            "schemas/v/t.ts:6:6: expected a type, found `;`\n  note: expected a TypeScript type such as `string`, `Foo`, `Foo[]` or `'a' | 'b'`",
        ]
    );
}

#[test]
fn junk_after_a_member_is_reported() {
    let (types, errors) = run("interface A { a: string b: number; c: boolean }");
    assert_eq!(field_names(&types, "A"), vec!["a", "c"]);
    assert_eq!(
        errors,
        vec!["schemas/v/t.ts:1:25: unexpected `b` after the member `a: string`\n  note: members are separated by `;`, `,` or a line break"]
    );
}

#[test]
fn unexpected_top_level_tokens_and_braces() {
    let e = errors("interfac Foo {}\n}\n");
    assert_eq!(
        e,
        vec![
            "schemas/v/t.ts:1:1: unexpected `interfac`\n  note: expected a declaration: `interface`, `class`, `enum`, `type` or `namespace` (imports, functions and variables are skipped)",
            "schemas/v/t.ts:2:1: unexpected `}`\n  note: no declaration is open here; check for an extra `}`",
        ]
    );
}

#[test]
fn unterminated_strings_and_comments_come_from_the_lexer() {
    let e = errors("interface A { a: 'x }\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("schemas/v/t.ts:1:18: unterminated string"), "{e:?}");
    let e = errors("interface A {}\n/** never closed");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("schemas/v/t.ts:2:1: unterminated comment"), "{e:?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("interface A {{ a: {}string{} }}", "(".repeat(500), ")".repeat(500));
    let e = errors(&deep);
    assert!(e.iter().any(|m| m.contains("nested more than 64 levels")), "{e:?}");
    let deep = format!("interface A {{ a: {}string{} }}", "{ b: ".repeat(300), " }".repeat(300));
    assert!(errors(&deep).iter().any(|m| m.contains("nested more than 64 levels")));
    let arrays = format!("interface A {{ a: string{} }}", "[]".repeat(300));
    assert!(errors(&arrays).iter().any(|m| m.contains("nested more than 64 levels")));
    let ns = format!("{}interface A {{}}{}", "namespace N { ".repeat(100), " }".repeat(100));
    assert!(errors(&ns).iter().any(|m| m.contains("nested more than 64 levels")));
}

#[test]
fn garbage_never_panics_or_hangs() {
    let samples = [
        "",
        "}",
        "{",
        "interface",
        "interface A",
        "interface A {",
        "interface A { a",
        "interface A { a?",
        "interface A { a:",
        "interface A { a: (",
        "interface A { a: Array<",
        "interface A { [",
        "interface A { [k: string",
        "class A { get",
        "class A { x = ",
        "class A { m(",
        "enum E { A = ",
        "enum E { = }",
        "type",
        "type X",
        "type X =",
        "type X = ",
        "namespace",
        "namespace A.",
        "export",
        "export declare",
        "declare",
        "function",
        "function f(",
        "function f(): {",
        "interface A extends",
        "interface A extends B,",
        "class A extends f( {}",
        "type X = {",
        "type X = A |",
        "interface A { a: 'x' | }",
        "interface A { a: -; }",
        ")))",
        "]]]",
        ">>>",
        "interface A { a: b.; }",
        "@@@",
        "class A { @ }",
        "class A { @x. }",
        "type X = typeof",
        "type X = new",
        "type X = <T>",
        "type X = (a) =>",
        "interface A { a: A extends B ? }",
        "interface A { a: { [K in T]: } }",
        "interface A { m<T(): void }",
    ];
    for sample in samples {
        let _ = run(sample);
    }
}

// ---------------------------------------------------------------- real-shaped snippets (typescript.md §5)

#[test]
fn openai_completion_usage_with_its_namespace() {
    let types = ok("// File generated from our OpenAPI spec by Stainless.

import { APIResource } from '../core/resource';
import * as CompletionsAPI from './completions';

/**
 * Usage statistics for the completion request.
 */
export interface CompletionUsage {
  /**
   * Number of tokens in the generated completion.
   */
  completion_tokens: number;

  /**
   * Number of tokens in the prompt.
   */
  prompt_tokens: number;

  /**
   * Total number of tokens used in the request (prompt + completion).
   */
  total_tokens: number;

  /**
   * Breakdown of tokens used in a completion.
   */
  completion_tokens_details?: CompletionUsage.CompletionTokensDetails;

  /**
   * Breakdown of tokens used in the prompt.
   */
  prompt_tokens_details?: CompletionUsage.PromptTokensDetails;
}

export namespace CompletionUsage {
  /**
   * Breakdown of tokens used in a completion.
   */
  export interface CompletionTokensDetails {
    /**
     * When using Predicted Outputs, the number of tokens in the prediction that
     * appeared in the completion.
     */
    accepted_prediction_tokens?: number;

    /**
     * Audio input tokens generated by the model.
     */
    audio_tokens?: number;

    /**
     * Tokens generated by the model for reasoning.
     */
    reasoning_tokens?: number;

    rejected_prediction_tokens?: number;

    text_tokens?: number;
  }

  /**
   * Breakdown of tokens used in the prompt.
   */
  export interface PromptTokensDetails {
    audio_tokens?: number;
    cache_write_tokens?: number;
    cached_tokens?: number;
    image_tokens?: number;
    text_tokens?: number;
  }
}

export declare namespace Completions {
  export { type CompletionUsage as CompletionUsage };
}
");
    assert_eq!(
        names(&types),
        vec![
            "v::CompletionUsage",
            "v/CompletionUsage::CompletionTokensDetails",
            "v/CompletionUsage::PromptTokensDetails"
        ]
    );
    let usage = strukt(&types, "CompletionUsage");
    let shape: Vec<_> = usage.fields.iter().map(|f| (f.name.as_str(), f.presence, f.nullable)).collect();
    assert_eq!(
        shape,
        vec![
            ("completion_tokens", Presence::Required, false),
            ("prompt_tokens", Presence::Required, false),
            ("total_tokens", Presence::Required, false),
            ("completion_tokens_details", Presence::Optional, false),
            ("prompt_tokens_details", Presence::Optional, false),
        ]
    );
    assert_eq!(def(&types, "CompletionUsage").docs.lines, vec!["Usage statistics for the completion request."]);
    assert_eq!(
        named(&field(&types, "CompletionUsage", "prompt_tokens_details").ty),
        ("PromptTokensDetails", Some("CompletionUsage"))
    );
    assert_eq!(
        field(&types, "CompletionTokensDetails", "accepted_prediction_tokens").docs.lines,
        vec![
            "When using Predicted Outputs, the number of tokens in the prediction that",
            "appeared in the completion."
        ]
    );
    assert_eq!(
        field_names(&types, "PromptTokensDetails"),
        vec!["audio_tokens", "cache_write_tokens", "cached_tokens", "image_tokens", "text_tokens"]
    );
    assert!(strukt(&types, "PromptTokensDetails")
        .fields
        .iter()
        .all(|f| f.presence == Presence::Optional && f.ty == FLOAT));
}

#[test]
fn anthropic_usage_with_required_nullable_fields() {
    let types = ok("export interface Usage {
  /**
   * Breakdown of cached tokens by TTL
   */
  cache_creation: CacheCreation | null;

  /**
   * The number of input tokens used to create the cache entry.
   */
  cache_creation_input_tokens: number | null;

  cache_read_input_tokens: number | null;

  inference_geo: string | null;

  input_tokens: number;

  output_tokens: number;

  output_tokens_details: OutputTokensDetails | null;

  server_tool_use: ServerToolUsage | null;

  /**
   * If the request used the priority, standard, or batch tier.
   */
  service_tier: 'standard' | 'priority' | 'batch' | null;
}

export interface CacheCreation {
  ephemeral_1h_input_tokens: number;
  ephemeral_5m_input_tokens: number;
}
");
    let usage = strukt(&types, "Usage");
    let shape: Vec<_> = usage.fields.iter().map(|f| (f.name.as_str(), f.presence, f.nullable)).collect();
    use Presence::Required;
    assert_eq!(
        shape,
        vec![
            ("cache_creation", Required, true),
            ("cache_creation_input_tokens", Required, true),
            ("cache_read_input_tokens", Required, true),
            ("inference_geo", Required, true),
            ("input_tokens", Required, false),
            ("output_tokens", Required, false),
            ("output_tokens_details", Required, true),
            ("server_tool_use", Required, true),
            ("service_tier", Required, true),
        ]
    );
    assert_eq!(named(&field(&types, "Usage", "cache_creation").ty), ("CacheCreation", None));
    assert_eq!(field(&types, "Usage", "inference_geo").ty, STRING);
    assert_eq!(named(&field(&types, "Usage", "service_tier").ty), ("UsageServiceTier", None));
    assert_eq!(
        enum_values(&types, "UsageServiceTier").0,
        vec![(s("standard"), None), (s("priority"), None), (s("batch"), None)]
    );
    assert_eq!(field_names(&types, "CacheCreation"), vec!["ephemeral_1h_input_tokens", "ephemeral_5m_input_tokens"]);
}

#[test]
fn a_large_file_parses_quickly() {
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            "/** Doc {i}. */\nexport interface T{i} {{\n  /** A. */\n  a?: number | null;\n  b: Array<T{i}.X>;\n  c?: 'x' | 'y';\n}}\n"
        ));
    }
    let start = std::time::Instant::now();
    let types = ok(&text);
    assert_eq!(types.len(), 6000);
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
}
