package org.roadmapcoach.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.roadmapcoach.engine.roadmap.Coded;

/** The one JSON configuration of the command line and the API: ISO dates, exact decimals, enum codes. */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        // Enumerated values are written as their codes (in_progress), as in CSV and the spec's JSON.
        SimpleModule codes = new SimpleModule("codes").addSerializer(Coded.class, new JsonSerializer<>() {
            @Override
            public void serialize(Coded value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(value.code());
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(codes)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
