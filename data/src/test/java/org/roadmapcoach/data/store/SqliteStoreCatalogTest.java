package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.CsvSource;
import org.roadmapcoach.engine.roadmap.Resource;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StoreCatalogTest {

    @Parameter
    StoreKind kind;

    private static final String HEADER = "id,title,type,competencies\n";

    @TempDir
    Path temp;

    @Test
    void theCatalogIsReadAgainAfterAnyCommitOfThisStoreOrOfAnotherOnTheSameFile() {
        Path file = temp.resolve("coach.db");
        try (Store store = kind.open(file); Store otherProcess = kind.open(file)) {
            importResources(store, "R1,Crucial Conversations,reading,communication\n");
            assertThat(titles(store)).containsExactly("Crucial Conversations");
            assertThat(titles(store)).containsExactly("Crucial Conversations");

            importResources(store, "R2,SQL Performance Explained,course,sql\n");
            assertThat(titles(store)).containsExactly("Crucial Conversations", "SQL Performance Explained");

            importResources(otherProcess, "R1,Crucial Conversations (3rd edition),reading,communication\n");
            assertThat(titles(store)).containsExactly("Crucial Conversations (3rd edition)", "SQL Performance Explained");
        }
    }

    private static void importResources(Store store, String rows) {
        byte[] csv = (HEADER + rows).getBytes(StandardCharsets.UTF_8);
        assertThat(new CohortImporter(store).importSources("c", List.of(
                new CsvSource("resources.csv", () -> new java.io.ByteArrayInputStream(csv)))).ok()).isTrue();
    }

    private static List<String> titles(Store store) {
        return store.resources("c").stream().map(Resource::title).toList();
    }
}
