package org.recordflow.platform;

import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes the door that variables of type {@code Object} open. Such a variable names a Java class
 * and its serialized form; reading it back (engine REST, Cockpit, Tasklist) makes the engine
 * instantiate that class, and some classes on our class path (a JDBC data source, for one) run
 * commands when instantiated with hostile properties.
 * <p>
 * Recordflow keeps none of its own data in Object variables: process variables are plain values
 * (strings, numbers, booleans, dates) and Json. So:
 * <ul>
 * <li>writing an Object variable whose class, or any class in its generic type, is not a plain JDK
 * value or collection type is refused with a 400 that names the variable, whoever writes it and
 * however (REST JSON, multipart, Tasklist, Java); only a transient object the engine made in
 * process (the {@code decisionResult} of a business rule task) passes, as it is never stored;</li>
 * <li>reading one that a database written before this guard may still hold returns its serialized
 * text and never instantiates the class;</li>
 * <li>Camunda's own deserialization type validation is on, with the same allow-list, and Java
 * serialization stays off.</li>
 * </ul>
 */
@Component
class ObjectVariableGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ObjectVariableGuard.class);

    /** JDK types whose JSON form cannot name another class (Jackson reads their contents as plain values). */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Double", "java.lang.Float", "java.lang.Character", "java.lang.Byte",
            "java.util.Date", "java.time.LocalDate",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet");

    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[<>,\\s]+");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedClasses(String.join(",", ALLOWED_TYPES));
        configuration.setDeserializationAllowedPackages("");
        configuration.setJavaSerializationFormatEnabled(false);
    }

    /** After every plugin's postInit: Spin registers its JSON serializer and fallback factory there. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        VariableSerializers serializers = configuration.getVariableSerializers();
        for (TypedValueSerializer<?> serializer : serializers.getSerializers().stream()
                .filter(s -> ValueType.OBJECT.equals(s.getType())).toList()) {
            int index = serializers.getSerializerIndex(serializer);
            serializers.removeSerializer(serializer);
            serializers.addSerializer(new Guarded(objectSerializer(serializer)), index);
        }
        VariableSerializerFactory fallback = configuration.getFallbackSerializerFactory();
        if (fallback != null) {
            configuration.setFallbackSerializerFactory(new GuardedFactory(fallback));
        }
    }

    /**
     * Whether an Object variable of this type may be stored or instantiated: every class named in
     * the type (including generic parameters, e.g. {@code java.util.ArrayList<com.example.Gadget>}) is
     * one of {@link #ALLOWED_TYPES}. Arrays, unnamed and unknown types are refused.
     */
    static boolean allowed(String typeName) {
        if (typeName == null || typeName.isBlank()) {
            return false;
        }
        for (String part : TYPE_SEPARATORS.split(typeName.strip())) {
            if (!part.isEmpty() && !ALLOWED_TYPES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static TypedValueSerializer<ObjectValue> objectSerializer(TypedValueSerializer<?> serializer) {
        return (TypedValueSerializer<ObjectValue>) serializer;
    }

    private static TypedValueSerializer<?> guard(TypedValueSerializer<?> serializer) {
        return serializer == null || serializer instanceof Guarded || !ValueType.OBJECT.equals(serializer.getType())
                ? serializer : new Guarded(objectSerializer(serializer));
    }

    /** Wraps one of the engine's Object serializers (Spin's JSON one, the Java one). */
    record Guarded(TypedValueSerializer<ObjectValue> delegate) implements TypedValueSerializer<ObjectValue> {

        @Override
        public void writeValue(ObjectValue value, ValueFields fields) {
            String type = value.isDeserialized() && value.getValue() != null ? value.getValue().getClass().getName()
                    : value.getObjectTypeName();
            // A transient object made in this JVM (a business rule task's decisionResult) is never stored nor read
            // back; what arrives from outside (REST, forms) is serialized, and is checked.
            boolean madeHereNeverStored = value.isTransient() && value.isDeserialized();
            if (!madeHereNeverStored && !allowed(type)) {
                throw new InvalidInputException("Variable '%s': type Object of class '%s' is not accepted; send plain values (String, Long, Boolean, Date) or Json"
                        .formatted(fields.getName(), type));
            }
            delegate.writeValue(value, fields);
        }

        @Override
        public ObjectValue readValue(ValueFields fields, boolean deserializeValue, boolean isTransient) {
            // the object's type name is kept in the second text column of every Object variable
            if (deserializeValue && !allowed(fields.getTextValue2())) {
                log.warn("Variable {} holds an Object of a type Recordflow does not instantiate; its serialized form is returned",
                        fields.getName());
                return delegate.readValue(fields, false, isTransient);
            }
            return delegate.readValue(fields, deserializeValue, isTransient);
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public ValueType getType() {
            return delegate.getType();
        }

        @Override
        public boolean canHandle(TypedValue value) {
            return delegate.canHandle(value);
        }

        @Override
        public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return delegate.convertToTypedValue(untypedValue);
        }

        @Override
        public String getSerializationDataformat() {
            return delegate.getSerializationDataformat();
        }

        @Override
        public boolean isMutableValue(ObjectValue typedValue) {
            return delegate.isMutableValue(typedValue);
        }
    }

    /** Object serializers made on demand for other data formats pass the same guard. */
    record GuardedFactory(VariableSerializerFactory delegate) implements VariableSerializerFactory {

        @Override
        public TypedValueSerializer<?> getSerializer(String serializerName) {
            return guard(delegate.getSerializer(serializerName));
        }

        @Override
        public TypedValueSerializer<?> getSerializer(TypedValue value) {
            return guard(delegate.getSerializer(value));
        }
    }
}
