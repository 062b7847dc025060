package org.roadmapcoach.data.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Coded;

/** What a run keeps as JSON text (a finding's evidence, the run's policy): read whole, never queried. */
final class RunJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private RunJson() {
    }

    static String policyJson(Policy policy) {
        Map<String, String> values = new LinkedHashMap<>();
        policy.values().forEach((key, value) -> values.put(key.key(), key.text(value)));
        return toJson(values);
    }

    static Policy policy(String json) {
        Policy policy = Policy.defaults();
        for (Map.Entry<String, Object> entry : fromJson(json).entrySet()) {
            PolicyKey key = PolicyKey.of(entry.getKey());
            policy = policy.with(key, key.parse(String.valueOf(entry.getValue())));
        }
        return policy;
    }

    /**
     * Evidence as JSON: dates as ISO text, codes for enumerated values, numbers as numbers, lists as
     * arrays. Written straight to a generator (a large check stores millions of these); what the
     * mapper writes for a map of the same plain values, byte for byte.
     */
    static String evidenceJson(Map<String, Object> evidence) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> entry : evidence.entrySet()) {
                json.writeFieldName(entry.getKey());
                writePlain(json, entry.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write evidence as JSON", e);
        }
        return text.toString();
    }

    private static void writePlain(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof LocalDate || value instanceof Enum<?>) {
            json.writeString(value instanceof Coded coded ? coded.code() : value.toString());
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writePlain(json, item);
            }
            json.writeEndArray();
        } else {
            JSON.writeValue(json, value); // anything else (null included) as the mapper writes it
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence as JSON", e);
        }
    }

    static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is not valid JSON: " + json, e);
        }
    }
}
