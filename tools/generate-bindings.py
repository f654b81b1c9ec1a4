#!/usr/bin/env python3
"""Generates the com.pulumi.{github,cloudflare,tls} bindings from the provider schema subsets.

The official Java SDKs of these providers are not published where this project builds, so the
program carries bindings of its own in the same packages, with the same class names and builder
shapes as the official, generated SDKs: moving to the official artifacts is a dependency change.

    python3 tools/generate-bindings.py        # rewrites src/main/java/com/pulumi/{github,cloudflare,tls}

Input: src/test/resources/provider-schemas/*.json (the subsets BindingConformanceTest checks against).
Two schema shapes are read: Pulumi package schemas (github, tls) and the Java-annotated subset of
cloudflare, where each property names its Java type.
"""
import json
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "src/test/resources/provider-schemas")
JAVA = os.path.join(ROOT, "src/main/java/com/pulumi")
RESOURCES = os.path.join(ROOT, "src/main/resources/com/pulumi")

# The cloudflare subset carries no secret flags; these are the provider's documented secrets.
CLOUDFLARE_SECRETS = {
    "cloudflare:index/apiToken:ApiToken": {"value"},
    "provider": {"apiKey", "apiToken", "apiUserServiceKey"},
}
JAVA_KEYWORDS = {"private", "public", "default", "class", "package", "import", "static", "final", "new",
                 "return", "switch", "case", "enum", "interface", "this", "super", "int", "long", "boolean",
                 "char", "double", "float", "void", "if", "else", "for", "while", "do", "try", "catch",
                 "finally", "throw", "throws", "protected", "abstract", "native", "null", "true", "false"}
SCALARS = {"string": "String", "integer": "Integer", "number": "Double", "boolean": "Boolean"}


def upper_first(name):
    return name[0].upper() + name[1:]


def ident(name):
    return name + "_" if name in JAVA_KEYWORDS else name


class Prop:
    def __init__(self, name, java_in, java_out, required_in, required_out, secret):
        self.name, self.java_in, self.java_out = name, java_in, java_out
        self.required_in, self.required_out, self.secret = required_in, required_out, secret
        self.id = ident(name)


# ---- reading the two schema shapes into one model ------------------------------------------

def pulumi_type(spec, side):
    """Java type text of a Pulumi schema type; side 'in' names nested types ...Args."""
    if "$ref" in spec:
        ref = spec["$ref"]
        if ref.startswith("pulumi.json#/Any"):
            return "Object"
        token = ref[len("#/types/"):]
        name = upper_first(token.split(":")[-1])
        return name + "Args" if side == "in" else name
    kind = spec.get("type")
    if kind in SCALARS:
        return SCALARS[kind]
    if kind == "array":
        return "List<%s>" % pulumi_type(spec["items"], side)
    if kind == "object" and "additionalProperties" in spec:
        return "Map<String,%s>" % pulumi_type(spec["additionalProperties"], side)
    return "Object"


def pulumi_props(inputs, outputs, required_inputs, required_outputs):
    props = {}
    for name in sorted(set(inputs) | set(outputs)):
        i, o = inputs.get(name), outputs.get(name)
        props[name] = Prop(name,
                           pulumi_type(i, "in") if i else None,
                           pulumi_type(o, "out") if o else None,
                           name in required_inputs, name in required_outputs,
                           bool((i or {}).get("secret") or (o or {}).get("secret")))
    return props


def java_props(inputs, outputs, secrets):
    props = {}
    for name in sorted(set(inputs) | set(outputs)):
        i, o = inputs.get(name), outputs.get(name)
        required_in = bool(i and i.get("required"))
        props[name] = Prop(name, i["java"].replace(" ", "") if i else None, o["java"].replace(" ", "") if o else None,
                           required_in, required_in or bool(o and o.get("required")), name in secrets)
    return props


class Package:
    def __init__(self, schema):
        self.name = schema["name"]
        self.version = schema["version"]
        self.java = "com.pulumi." + self.name
        self.resources = {}   # class name -> (token, props)
        self.functions = {}   # method name -> (token, input props, output props)
        self.input_types = {}   # class name -> props (java_in used)
        self.output_types = {}  # class name -> props (java_out used)
        self.provider = {}
        if "derivedFrom" in schema:
            self.read_java_annotated(schema)
        else:
            self.read_pulumi(schema)

    def read_pulumi(self, schema):
        for token, r in schema["resources"].items():
            self.resources[token.split(":")[-1]] = (token, pulumi_props(
                r.get("inputProperties", {}), r.get("properties", {}),
                set(r.get("requiredInputs", [])), set(r.get("required", []))))
        for token, f in schema["functions"].items():
            ins = f.get("inputs", {})
            outs = f.get("outputs", {})
            self.functions[token.split(":")[-1]] = (token,
                pulumi_props(ins.get("properties", {}), {}, set(ins.get("required", [])), set()),
                pulumi_props({}, outs.get("properties", {}), set(), set(outs.get("required", []))))
        p = schema["provider"]
        self.provider = pulumi_props(p.get("inputProperties", {}), p.get("properties", {}),
                                     set(p.get("requiredInputs", [])), set(p.get("required", [])))
        for token, t in schema["types"].items():
            if ":config/" in token:
                continue
            name = upper_first(token.split(":")[-1])
            props = t.get("properties", {})
            required = set(t.get("required", []))
            self.input_types[name + "Args"] = pulumi_props(props, {}, required, set())
            self.output_types[name] = pulumi_props({}, props, set(), required)
        self.prune()

    def read_java_annotated(self, schema):
        for token, r in schema["resources"].items():
            self.resources[token.split(":")[-1]] = (token, java_props(
                r.get("inputProperties", {}), r.get("properties", {}), CLOUDFLARE_SECRETS.get(token, set())))
        for token, f in schema["functions"].items():
            self.functions[token.split(":")[-1]] = (token, java_props(f.get("inputs", {}), {}, set()),
                                                     java_props({}, f.get("outputs", {}), set()))
        self.provider = java_props(schema["provider"].get("inputProperties", {}), {}, CLOUDFLARE_SECRETS["provider"])
        for key, t in schema["types"].items():
            side, name = key.split("/")
            if side == "inputs":
                self.input_types[name] = java_props(t, {}, set())
            else:
                self.output_types[name] = java_props({}, t, set())

    def prune(self):
        """Keeps only the nested types some resource, function or the provider reaches."""
        used_in, used_out = set(), set()

        def reach(java_type, side):
            if not java_type:
                return
            for name in re.findall(r"[A-Za-z0-9]+", java_type):
                pool, used = (self.input_types, used_in) if side == "in" else (self.output_types, used_out)
                if name in pool and name not in used:
                    used.add(name)
                    for prop in pool[name].values():
                        reach(prop.java_in if side == "in" else prop.java_out, side)

        for _, props in self.resources.values():
            for prop in props.values():
                reach(prop.java_in, "in")
                reach(prop.java_out, "out")
        for _, ins, outs in self.functions.values():
            for prop in ins.values():
                reach(prop.java_in, "in")
            for prop in outs.values():
                reach(prop.java_out, "out")
        for prop in self.provider.values():
            reach(prop.java_in, "in")
        self.input_types = {k: v for k, v in self.input_types.items() if k in used_in}
        self.output_types = {k: v for k, v in self.output_types.items() if k in used_out}


# ---- Java text ------------------------------------------------------------------------------

HEADER = "// Generated by tools/generate-bindings.py from the %s %s schema subset. Do not edit by hand.\n\n"


def refs_and_tree(java_type):
    """The @Export refs and tree of a type, as the official generator writes them."""
    refs = []

    def cls(name):
        fq = {"List": "java.util.List", "Map": "java.util.Map"}.get(name, name)
        if fq not in refs:
            refs.append(fq)
        return refs.index(fq)

    def parse(text):
        m = re.match(r"^(\w+)(?:<(.*)>)?$", text)
        base, args = m.group(1), m.group(2)
        if not args:
            return str(cls(base))
        parts, depth, current = [], 0, ""
        for ch in args:
            if ch == "," and depth == 0:
                parts.append(current)
                current = ""
                continue
            depth += ch == "<"
            depth -= ch == ">"
            current += ch
        parts.append(current)
        inner = [cls(base)] + [parse(p) for p in parts]
        return "[" + ",".join(str(x) for x in inner) + "]"

    tree = parse(java_type)
    if not tree.startswith("["):
        tree = "[" + tree + "]"
    return ", ".join(r + ".class" for r in refs), tree


def pretty(java_type):
    return java_type.replace(",", ", ")


def element(java_type):
    m = re.match(r"^List<(.*)>$", java_type)
    return m.group(1) if m else None


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def args_class(pkg, name, props, package, base, title):
    """An input class: Output-typed fields, builder with Output and plain setters."""
    fields = [p for p in props.values() if p.java_in]
    out = [HEADER % (pkg.name, pkg.version), "package %s;\n\n" % package]
    out.append("import com.pulumi.core.Output;\nimport com.pulumi.core.annotations.Import;\n")
    out.append("import com.pulumi.exceptions.MissingRequiredPropertyException;\n")
    if package != pkg.java + ".inputs":
        out.append("import %s.inputs.*;\n" % pkg.java)
    out.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Objects;\nimport java.util.Optional;\n")
    out.append("import javax.annotation.Nullable;\n\n")
    out.append("/** %s */\n" % title)
    out.append("public final class %s extends %s {\n\n" % (name, base))
    out.append("    public static final %s Empty = new %s();\n\n" % (name, name))
    for p in fields:
        t = pretty(p.java_in)
        json_flag = ", json=true" if base.endswith("ResourceArgs") and name == "ProviderArgs" and p.java_in != "String" else ""
        if p.required_in:
            out.append('    @Import(name="%s", required=true%s)\n    private Output<%s> %s;\n\n' % (p.name, json_flag, t, p.id))
            out.append("    public Output<%s> %s() {\n        return this.%s;\n    }\n\n" % (t, p.id, p.id))
        else:
            out.append('    @Import(name="%s"%s)\n    private @Nullable Output<%s> %s;\n\n' % (p.name, json_flag, t, p.id))
            out.append("    public Optional<Output<%s>> %s() {\n        return Optional.ofNullable(this.%s);\n    }\n\n" % (t, p.id, p.id))
    out.append("    private %s() {}\n\n" % name)
    out.append("    private %s(%s $) {\n" % (name, name))
    for p in fields:
        out.append("        this.%s = $.%s;\n" % (p.id, p.id))
    out.append("    }\n\n")
    out.append("    public static Builder builder() {\n        return new Builder();\n    }\n\n")
    out.append("    public static Builder builder(%s defaults) {\n        return new Builder(defaults);\n    }\n\n" % name)
    out.append("    public static final class Builder {\n        private %s $;\n\n" % name)
    out.append("        public Builder() {\n            $ = new %s();\n        }\n\n" % name)
    out.append("        public Builder(%s defaults) {\n            $ = new %s(Objects.requireNonNull(defaults));\n        }\n\n" % (name, name))
    for p in fields:
        t = pretty(p.java_in)
        nullable = "" if p.required_in else "@Nullable "
        value = "%s == null ? null : %s.asSecret()" % (p.id, p.id) if p.secret else p.id
        if p.secret:
            out.append("        /** Secret: the value is sent and stored encrypted. */\n")
        out.append("        public Builder %s(%sOutput<%s> %s) {\n            $.%s = %s;\n            return this;\n        }\n\n"
                   % (p.id, nullable, t, p.id, p.id, value))
        out.append("        public Builder %s(%s%s %s) {\n            return %s(Output.of(%s));\n        }\n\n" % (p.id, "", t, p.id, p.id, p.id))
        item = element(p.java_in)
        if item:
            out.append("        public Builder %s(%s... %s) {\n            return %s(List.of(%s));\n        }\n\n" % (p.id, item, p.id, p.id, p.id))
    out.append("        public %s build() {\n" % name)
    for p in fields:
        if p.required_in:
            out.append('            if ($.%s == null) {\n                throw new MissingRequiredPropertyException("%s", "%s");\n            }\n'
                       % (p.id, name, p.name))
    out.append("            return $;\n        }\n    }\n}\n")
    return "".join(out)


def output_type(pkg, name, props):
    """A @CustomType output class: plain fields, Optional getters for optional ones."""
    fields = [p for p in props.values() if p.java_out]
    out = [HEADER % (pkg.name, pkg.version), "package %s.outputs;\n\n" % pkg.java]
    out.append("import com.pulumi.core.annotations.CustomType;\n")
    out.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Objects;\nimport java.util.Optional;\n")
    out.append("import javax.annotation.Nullable;\n\n")
    out.append("@CustomType\npublic final class %s {\n" % name)
    for p in fields:
        out.append("    private %s%s %s;\n" % ("" if p.required_out else "@Nullable ", pretty(p.java_out), p.id))
    out.append("\n    private %s() {}\n\n" % name)
    for p in fields:
        t = pretty(p.java_out)
        if p.required_out:
            out.append("    public %s %s() {\n        return this.%s;\n    }\n\n" % (t, p.id, p.id))
        else:
            out.append("    public Optional<%s> %s() {\n        return Optional.ofNullable(this.%s);\n    }\n\n" % (t, p.id, p.id))
    out.append("    public static Builder builder() {\n        return new Builder();\n    }\n\n")
    out.append("    public static Builder builder(%s defaults) {\n        return new Builder(defaults);\n    }\n\n" % name)
    out.append("    @CustomType.Builder\n    public static final class Builder {\n")
    for p in fields:
        out.append("        private @Nullable %s %s;\n" % (pretty(p.java_out), p.id))
    out.append("\n        public Builder() {}\n\n")
    out.append("        public Builder(%s defaults) {\n            Objects.requireNonNull(defaults);\n" % name)
    for p in fields:
        out.append("            this.%s = defaults.%s;\n" % (p.id, p.id))
    out.append("        }\n\n")
    for p in fields:
        setter = '@CustomType.Setter("%s")' % p.name if p.id != p.name else "@CustomType.Setter"
        out.append("        %s\n        public Builder %s(@Nullable %s %s) {\n            this.%s = %s;\n            return this;\n        }\n\n"
                   % (setter, p.id, pretty(p.java_out), p.id, p.id, p.id))
    out.append("        public %s build() {\n            final var result = new %s();\n" % (name, name))
    for p in fields:
        out.append("            result.%s = %s;\n" % (p.id, p.id))
    out.append("            return result;\n        }\n    }\n}\n")
    return "".join(out)


def resource_class(pkg, name, token, props, provider=False):
    # Providers export only their string settings, as the official generator does.
    exports = [p for p in props.values() if p.java_out and p.name not in ("id", "urn")
               and (not provider or p.java_out == "String")]
    secrets = sorted(p.name for p in props.values() if p.secret and p.java_out)
    base = "com.pulumi.resources.ProviderResource" if provider else "com.pulumi.resources.CustomResource"
    args = "ProviderArgs" if provider else name + "Args"
    out = [HEADER % (pkg.name, pkg.version), "package %s;\n\n" % pkg.java]
    out.append("import com.pulumi.core.Output;\nimport com.pulumi.core.annotations.Export;\n")
    out.append("import com.pulumi.core.annotations.ResourceType;\nimport com.pulumi.core.internal.Codegen;\n")
    if any(set(re.findall(r"[A-Za-z0-9]+", p.java_out)) & set(pkg.output_types) for p in exports):
        out.append("import %s.outputs.*;\n" % pkg.java)
    out.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Optional;\nimport javax.annotation.Nullable;\n\n")
    out.append('@ResourceType(type="%s")\npublic class %s extends %s {\n' % (token, name, base))
    for p in exports:
        t = pretty(p.java_out)
        refs, tree = refs_and_tree(p.java_out)
        if p.required_out:
            out.append('    @Export(name="%s", refs={%s}, tree="%s")\n    private Output<%s> %s;\n\n' % (p.name, refs, tree, t, p.id))
            out.append("    public Output<%s> %s() {\n        return this.%s;\n    }\n\n" % (t, p.id, p.id))
        else:
            out.append('    @Export(name="%s", refs={%s}, tree="%s")\n    private Output</* @Nullable */ %s> %s;\n\n' % (p.name, refs, tree, t, p.id))
            out.append("    public Output<Optional<%s>> %s() {\n        return Codegen.optional(this.%s);\n    }\n\n" % (t, p.id, p.id))
    out.append("    public %s(java.lang.String name) {\n        this(name, %s.Empty);\n    }\n\n" % (name, args))
    out.append("    public %s(java.lang.String name, %s%s args) {\n        this(name, args, null);\n    }\n\n" % (name, "@Nullable " if provider else "", args))
    out.append("    public %s(java.lang.String name, %s%s args, @Nullable com.pulumi.resources.CustomResourceOptions options) {\n"
               % (name, "@Nullable " if provider else "", args))
    first = '"%s"' % pkg.name if provider else '"%s"' % token
    out.append("        super(%s, name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);\n    }\n\n" % first)
    out.append("    private static %s makeArgs(%s%s args, @Nullable com.pulumi.resources.CustomResourceOptions options) {\n"
               % (args, "@Nullable " if provider else "", args))
    out.append("        if (options != null && options.getUrn().isPresent()) {\n            return null;\n        }\n")
    out.append("        return args == null ? %s.Empty : args;\n    }\n\n" % args)
    out.append("    private static com.pulumi.resources.CustomResourceOptions makeResourceOptions(\n"
               "            @Nullable com.pulumi.resources.CustomResourceOptions options, @Nullable Output<java.lang.String> id) {\n")
    out.append("        var defaultOptions = com.pulumi.resources.CustomResourceOptions.builder()\n")
    out.append("            .version(Utilities.getVersion())\n")
    if secrets:
        out.append("            .additionalSecretOutputs(List.of(%s))\n" % ", ".join('"%s"' % s for s in secrets))
    out.append("            .build();\n")
    out.append("        return com.pulumi.resources.CustomResourceOptions.merge(defaultOptions, options, id);\n    }\n}\n")
    return "".join(out)


def result_name(pkg, method):
    """The invoke's result class; ...InvokeResult when a nested type already has the plain name."""
    name = upper_first(method) + "Result"
    return upper_first(method) + "InvokeResult" if name in pkg.output_types else name


def functions_class(pkg):
    cls = upper_first(pkg.name) + "Functions"
    out = [HEADER % (pkg.name, pkg.version), "package %s;\n\n" % pkg.java]
    out.append("import com.pulumi.core.Output;\nimport com.pulumi.core.TypeShape;\nimport com.pulumi.deployment.Deployment;\n")
    out.append("import com.pulumi.deployment.InvokeOptions;\nimport %s.inputs.*;\nimport %s.outputs.*;\n\n" % (pkg.java, pkg.java))
    out.append("/** The provider's data sources (invokes). */\npublic final class %s {\n" % cls)
    for method, (token, _, _) in sorted(pkg.functions.items()):
        base = upper_first(method)
        result = result_name(pkg, method)
        out.append("    public static Output<%s> %s() {\n        return %s(%sArgs.Empty, InvokeOptions.Empty);\n    }\n\n" % (result, method, method, base))
        out.append("    public static Output<%s> %s(%sArgs args) {\n        return %s(args, InvokeOptions.Empty);\n    }\n\n" % (result, method, base, method))
        out.append("    public static Output<%s> %s(%sArgs args, InvokeOptions options) {\n" % (result, method, base))
        out.append('        return Deployment.getInstance().invoke("%s", TypeShape.of(%s.class), args, Utilities.withVersion(options));\n    }\n\n' % (token, result))
    out.append("}\n")
    return "".join(out)


def utilities_class(pkg):
    return (HEADER % (pkg.name, pkg.version)) + """package %(java)s;

import com.pulumi.deployment.InvokeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The provider version this binding is pinned to; the Pulumi engine installs that plugin. */
public final class Utilities {
    private static final String VERSION = readVersion();

    private Utilities() {
    }

    public static String getVersion() {
        return VERSION;
    }

    public static InvokeOptions withVersion(InvokeOptions options) {
        if (options != null && options.getVersion().isPresent()) {
            return options;
        }
        return new InvokeOptions(
                options == null ? null : options.getParent().orElse(null),
                options == null ? null : options.getProvider().orElse(null),
                getVersion());
    }

    private static String readVersion() {
        var resource = "%(path)s/version.txt";
        try (InputStream in = Utilities.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("expected resource '" + resource + "' on the classpath, not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
""" % {"java": pkg.java, "path": pkg.java.replace(".", "/")}


def generate(schema_file):
    with open(schema_file) as f:
        pkg = Package(json.load(f))
    base = os.path.join(JAVA, pkg.name)
    shutil.rmtree(base, ignore_errors=True)
    for name, (token, props) in pkg.resources.items():
        write(os.path.join(base, name + ".java"), resource_class(pkg, name, token, props))
        write(os.path.join(base, name + "Args.java"), args_class(pkg, name + "Args", props, pkg.java,
              "com.pulumi.resources.ResourceArgs", "Inputs of {@link %s}." % name))
    write(os.path.join(base, "Provider.java"), resource_class(pkg, "Provider", "pulumi:providers:" + pkg.name, pkg.provider, True))
    write(os.path.join(base, "ProviderArgs.java"), args_class(pkg, "ProviderArgs", pkg.provider, pkg.java,
          "com.pulumi.resources.ResourceArgs", "Settings of an explicit %s provider." % pkg.name))
    for method, (token, ins, outs) in pkg.functions.items():
        base_name = upper_first(method)
        write(os.path.join(base, "inputs", base_name + "Args.java"), args_class(pkg, base_name + "Args", ins,
              pkg.java + ".inputs", "com.pulumi.resources.InvokeArgs", "Arguments of {@code %s}." % token))
        result = result_name(pkg, method)
        write(os.path.join(base, "outputs", result + ".java"), output_type(pkg, result, outs))
    for name, props in pkg.input_types.items():
        write(os.path.join(base, "inputs", name + ".java"), args_class(pkg, name, props, pkg.java + ".inputs",
              "com.pulumi.resources.ResourceArgs", "A nested input of the %s provider." % pkg.name))
    for name, props in pkg.output_types.items():
        write(os.path.join(base, "outputs", name + ".java"), output_type(pkg, name, props))
    if pkg.functions:
        write(os.path.join(base, upper_first(pkg.name) + "Functions.java"), functions_class(pkg))
    write(os.path.join(base, "Utilities.java"), utilities_class(pkg))
    # How the Java language host learns which plugin to install (as the official jars declare it).
    resources = os.path.join(RESOURCES, pkg.name)
    write(os.path.join(resources, "plugin.json"),
          json.dumps({"resource": True, "name": pkg.name, "version": pkg.version}, indent=4) + "\n")
    write(os.path.join(resources, "version.txt"), pkg.version + "\n")
    print("%s %s: %d resources, %d functions, %d input types, %d output types"
          % (pkg.name, pkg.version, len(pkg.resources), len(pkg.functions), len(pkg.input_types), len(pkg.output_types)))


if __name__ == "__main__":
    for file in sorted(os.listdir(SCHEMAS)):
        if file.endswith(".json"):
            generate(os.path.join(SCHEMAS, file))
    sys.exit(0)
