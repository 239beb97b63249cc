package dev.recourse.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;

/**
 * Dependencies point inward (DESIGN.md, Architecture): server → store → core → nothing; store → tlog;
 * server → tlog; tlog depends on the JDK alone; nothing ships depending on the benchmarks.
 *
 * <p>Checks the main code of every module on this module's class path, which is all but recourse-bench.
 */
@AnalyzeClasses(
        packages = "dev.recourse",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    /**
     * What recourse-core may use besides itself: the JDK, and the libraries DESIGN.md names for the core.
     * Allowing a library is one line here.
     */
    private static final String[] CORE_MAY_USE = {
        "java..",
        "javax..",
        "dev.cel..", // the policy engine's CEL (DESIGN.md, Policy engine)
    };

    @ArchTest
    static final ArchRule tlogDependsOnTheJdkAlone = classes()
            .that().resideInAPackage("dev.recourse.tlog..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.recourse.tlog..")
            .because("recourse-tlog is usable on its own and depends on the JDK only")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule coreDependsOnNoAdapterAndNoFramework = classes()
            .that().resideInAPackage("dev.recourse.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    Stream.concat(Stream.of(CORE_MAY_USE), Stream.of("dev.recourse.core..")).toArray(String[]::new))
            .because("the core is plain Java: it knows nothing of the log's adapter, storage, the server or"
                    + " any framework")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule coreKnowsNoSqlHttpOrFiles = noClasses()
            .that().resideInAPackage("dev.recourse.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "java.net.http..", "java.nio.file..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccessFile)\\w*")
            .because("the core knows nothing of HTTP, SQL or files: adapters do that behind its ports")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule storeNeverDependsOnTheServer = noClasses()
            .that().resideInAPackage("dev.recourse.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.recourse.server..")
            .because("dependencies point inward: server → store")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingShippedDependsOnTheBenchmarks = noClasses()
            .that().resideOutsideOfPackage("dev.recourse.bench..")
            .should().dependOnClassesThat().resideInAPackage("dev.recourse.bench..")
            .because("benchmarks measure the product; the product never needs them");

    @ArchTest
    static final ArchRule namesSayWhatAThingIs = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("names come from the domain's language (house style)");

    /** Guards the rules above against passing because nothing, or the wrong things, were imported. */
    @ArchTest
    static void importsTheMainCodeOfTheModulesAndNoTests(JavaClasses imported) {
        assertThat(imported.contain("dev.recourse.tlog.merkle.Hash")).isTrue();
        assertThat(imported.contain("dev.recourse.server.cli.Recourse")).isTrue();
        assertThat(imported.contain(ArchitectureTest.class)).isFalse();
    }

    /** Leaves out the test classes other modules share as {@code -tests.jar} (e.g. recourse-tlog's). */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
