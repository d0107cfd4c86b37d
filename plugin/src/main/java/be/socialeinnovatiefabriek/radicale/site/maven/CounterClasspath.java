package be.socialeinnovatiefabriek.radicale.site.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Finds the vote counter and its runtime dependencies in the local repository (or the remote ones)
 * when site:run starts. The plugin has no build-time link to the counter: that keeps the reactor in
 * the order that lets `mvn site:run` find this plugin.
 */
final class CounterClasspath {

    private static final Set<String> NOT_AT_RUNTIME = Set.of("test", "provided", "system");

    private CounterClasspath() {
    }

    static List<Path> resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                              String groupId, String version) throws MojoExecutionException {
        DefaultArtifact counter = new DefaultArtifact(groupId, "vote-counter", "jar", version);
        CollectRequest collect = new CollectRequest(new Dependency(counter, "runtime"), repositories);
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || !NOT_AT_RUNTIME.contains(node.getDependency().getScope());
        try {
            return system.resolveDependencies(session, new DependencyRequest(collect, runtime)).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("The vote counter " + counter + " could not be found: run `mvn install` first ("
                    + e.getMessage() + ")", e);
        }
    }
}
