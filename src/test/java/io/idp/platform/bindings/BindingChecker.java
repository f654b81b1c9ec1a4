package io.idp.platform.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.idp.platform.bindings.ProviderSchema.Property;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks binding classes against a provider schema by reflection and reports every difference as
 * one line naming the class and property: unknown type tokens, names the schema does not have,
 * incompatible types, missing or optional required inputs, secrets that are not secret.
 */
final class BindingChecker {
    private final ProviderSchema schema;
    private final List<String> problems = new ArrayList<>();

    BindingChecker(ProviderSchema schema) {
        this.schema = schema;
    }

    List<String> problems() {
        return problems;
    }

    /** A resource (or provider) class and its args class. */
    void checkResource(Class<?> resource, Class<?> args) {
        var annotation = resource.getAnnotation(ResourceType.class);
        if (annotation == null) {
            problems.add(resource.getSimpleName() + ": no @ResourceType");
            return;
        }
        var shape = schema.resource(annotation.type());
        if (shape.isEmpty()) {
            problems.add(resource.getSimpleName() + ": type token " + annotation.type() + " is not in the " + schema.name + " schema");
            return;
        }
        for (var field : fields(resource, Export.class)) {
            var name = field.getAnnotation(Export.class).name();
            var expected = shape.get().outputs().get(name);
            if (expected == null) {
                problems.add(resource.getSimpleName() + "." + name + ": exported but not a property in the schema");
                continue;
            }
            compareType(resource.getSimpleName() + "." + name, unwrapOutput(field.getGenericType()), expected.javaType());
            if (expected.required() && getterIsOptional(resource, field)) {
                problems.add(resource.getSimpleName() + "." + name + ": the schema always sets it but the getter is Optional");
            }
        }
        var secrets = additionalSecretOutputs(resource);
        shape.get().outputs().forEach((name, property) -> {
            if (property.secret() && hasExport(resource, name) && !secrets.contains(name)) {
                problems.add(resource.getSimpleName() + "." + name + ": secret in the schema but not in additionalSecretOutputs");
            }
        });
        checkInputs(args, shape.get().inputs());
    }

    /** An input class (resource args, nested input type or invoke args) against its schema properties. */
    void checkInputs(Class<?> args, Map<String, Property> schemaInputs) {
        var declared = new java.util.HashSet<String>();
        for (var field : fields(args, Import.class)) {
            var imp = field.getAnnotation(Import.class);
            declared.add(imp.name());
            var expected = schemaInputs.get(imp.name());
            var where = args.getSimpleName() + "." + imp.name();
            if (expected == null) {
                problems.add(where + ": imported but not an input in the schema");
                continue;
            }
            compareType(where, unwrapOutput(field.getGenericType()), expected.javaType());
            if (expected.required() != imp.required()) {
                problems.add(where + ": required is " + imp.required() + " but the schema says " + expected.required());
            }
            if (expected.secret() && !builderMakesSecret(args, field)) {
                problems.add(where + ": secret in the schema but the builder keeps it in plain text");
            }
        }
        schemaInputs.forEach((name, property) -> {
            if (property.required() && !declared.contains(name)) {
                problems.add(args.getSimpleName() + "." + name + ": required input is missing");
            }
        });
    }

    /** An output type: its builder's setters name the properties, its fields carry the types. */
    void checkOutputType(Class<?> type, Map<String, Property> schemaOutputs) {
        if (type.getAnnotation(CustomType.class) == null) {
            problems.add(type.getSimpleName() + ": no @CustomType");
            return;
        }
        var builder = java.util.Arrays.stream(type.getDeclaredClasses())
                .filter(c -> c.getAnnotation(CustomType.Builder.class) != null).findFirst();
        if (builder.isEmpty()) {
            problems.add(type.getSimpleName() + ": no @CustomType.Builder");
            return;
        }
        for (var setter : builder.get().getMethods()) {
            var annotation = setter.getAnnotation(CustomType.Setter.class);
            if (annotation == null) {
                continue;
            }
            var name = annotation.value().isEmpty() ? setter.getName() : annotation.value();
            var expected = schemaOutputs.get(name);
            var where = type.getSimpleName() + "." + name;
            if (expected == null) {
                problems.add(where + ": not a property of the schema type");
                continue;
            }
            compareType(where, setter.getGenericParameterTypes()[0], expected.javaType());
        }
    }

    private void compareType(String where, Type actual, String expected) {
        var text = render(actual);
        if (!text.equals(expected)) {
            problems.add(where + ": type " + text + " but the schema says " + expected);
        }
    }

    static String render(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return render(parameterized.getRawType()) + "<" + java.util.Arrays.stream(parameterized.getActualTypeArguments())
                    .map(BindingChecker::render).collect(Collectors.joining(",")) + ">";
        }
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    private static Type unwrapOutput(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    private static List<Field> fields(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        return java.util.Arrays.stream(type.getDeclaredFields())
                .filter(f -> f.getAnnotation(annotation) != null && !Modifier.isStatic(f.getModifiers()))
                .toList();
    }

    private static boolean hasExport(Class<?> resource, String name) {
        return fields(resource, Export.class).stream().anyMatch(f -> f.getAnnotation(Export.class).name().equals(name));
    }

    private static boolean getterIsOptional(Class<?> resource, Field field) {
        try {
            var getter = resource.getMethod(field.getName());
            return render(unwrapOutput(getter.getGenericReturnType())).startsWith("Optional<");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The secret outputs the resource's own default options declare, as the official SDK does. */
    private List<String> additionalSecretOutputs(Class<?> resource) {
        try {
            var method = resource.getDeclaredMethod("makeResourceOptions", CustomResourceOptions.class, Output.class);
            method.setAccessible(true);
            var options = (CustomResourceOptions) method.invoke(null, null, Codegen.empty());
            return options.getAdditionalSecretOutputs();
        } catch (ReflectiveOperationException e) {
            problems.add(resource.getSimpleName() + ": no makeResourceOptions(CustomResourceOptions, Output) to declare secrets");
            return List.of();
        }
    }

    /** Sets the input through the builder's Output setter and looks at what the args hold. */
    private boolean builderMakesSecret(Class<?> args, Field field) {
        try {
            var builder = args.getMethod("builder").invoke(null);
            builder.getClass().getMethod(field.getName(), Output.class).invoke(builder, Output.of(sample(field)));
            var holder = builder.getClass().getDeclaredField("$");
            holder.setAccessible(true);
            field.setAccessible(true);
            var value = (Output<?>) field.get(holder.get(builder));
            return value != null && PulumiTestInternal.extractOutputData(value).isSecret();
        } catch (ReflectiveOperationException e) {
            problems.add(args.getSimpleName() + "." + field.getName() + ": builder has no Output setter (" + e + ")");
            return true;
        }
    }

    private static Object sample(Field field) {
        var type = render(unwrapOutput(field.getGenericType()));
        return switch (type) {
            case "String" -> "value";
            case "Integer" -> 1;
            case "Boolean" -> true;
            case "Double" -> 1.0;
            default -> Optional.empty();
        };
    }
}
