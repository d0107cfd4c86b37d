package be.socialeinnovatiefabriek.radicale.site.render;

import be.socialeinnovatiefabriek.radicale.site.plan.PageModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's typed model as the maps and lists FreeMarker reads: a record becomes a map with a key per
 * component, by the component's name; a null component is left out (templates test it with {@code ??});
 * an enum becomes its {@code toString()}. Only here do the records become maps.
 */
final class ModelMaps {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    /**
     * The accessors of a record type's components, in the same order, made accessible once: an accessible method is
     * invoked without looking up its caller and checking its access on every call.
     */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = COMPONENTS.get(type);
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private ModelMaps() {
    }

    /**
     * The data model of one page: {@code lang}, the UI strings as {@code t}, and the page model's other
     * components, with those of its content (what only its type has) beside them.
     */
    static Map<String, Object> of(PageModel model, Object strings) {
        Map<String, Object> map = record(model);
        map.put("t", strings);
        Object content = map.remove("content");
        if (content != null) {
            map.putAll(castToMap(content));
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Object value(Object value) {
        if (value instanceof Record record) {
            return record(record);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(item -> values.add(value(item)));
            return values;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<Object, Object> values = new LinkedHashMap<>();
            entries.forEach((key, item) -> values.put(key, value(item)));
            return values;
        }
        if (value instanceof Enum<?>) {
            return value.toString();
        }
        return value;
    }

    private static Map<String, Object> record(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        RecordComponent[] components = components(record);
        for (int i = 0; i < components.length; i++) {
            Object value = read(record, i);
            if (value != null) {
                map.put(components[i].getName(), value(value));
            }
        }
        return map;
    }

    /** The components of {@code record}'s type, in declaration order. */
    static RecordComponent[] components(Record record) {
        return COMPONENTS.get(record.getClass());
    }

    /** The value of the {@code index}th component of {@code record}. */
    static Object read(Record record, int index) {
        try {
            return ACCESSORS.get(record.getClass())[index].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the page model " + record.getClass().getSimpleName() + " cannot be read", e);
        }
    }
}
