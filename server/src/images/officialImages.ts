/**
 * Names of Docker Hub's official images that a Dockerfile plausibly copies from or mounts
 * (`COPY --from=busybox …`, `RUN --mount=from=golang,…`): a bare name that is one of these is an
 * image the builder can pull, not a misspelt stage. Not every official image: the base, language
 * and tool images, plus the services whose files builds copy out of (a CLI, a config).
 */
const OFFICIAL = new Set([
  'alpine', 'busybox', 'debian', 'ubuntu', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux',
  'archlinux', 'opensuse', 'photon', 'clearlinux', 'mageia', 'sl', 'alt', 'scratch', 'hello-world', 'buildpack-deps',
  'golang', 'node', 'python', 'ruby', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes',
  'gradle', 'maven', 'gcc', 'swift', 'erlang', 'elixir', 'haskell', 'julia', 'dart', 'bash', 'groovy',
  'docker', 'registry', 'nginx', 'httpd', 'caddy', 'traefik', 'haproxy', 'postgres', 'mysql', 'mariadb', 'redis', 'mongo',
  'memcached', 'rabbitmq', 'nats', 'consul', 'vault', 'influxdb', 'telegraf', 'elasticsearch', 'kibana', 'logstash',
  'cassandra', 'couchdb', 'neo4j', 'sonarqube', 'jenkins', 'tomcat', 'composer', 'wordpress', 'ghost', 'eclipse-mosquitto',
  'nats-streaming', 'zookeeper', 'solr', 'flink', 'spark', 'irssi',
]);

/** A bare name (no registry, namespace, tag or digest) of an official image this table knows. */
export function isOfficialImageName(name: string): boolean {
  return OFFICIAL.has(name.toLowerCase());
}

/**
 * The official images of another language's runtime or SDK (`python:3.11-slim`, `node:20`,
 * `eclipse-temurin:21-jre`): an image on one runs that language's program, not a Go binary.
 */
const OTHER_LANGUAGES = new Set([
  'node', 'python', 'ruby', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes',
  'gradle', 'maven', 'swift', 'erlang', 'elixir', 'haskell', 'julia', 'dart', 'groovy', 'pypy', 'tomcat', 'composer',
]);

/** Is `repo` (a repository name as images/table.ts normalizeRepository gives it) another language's official image? */
export function isOtherLanguageImage(repo: string): boolean {
  return OTHER_LANGUAGES.has(repo.toLowerCase());
}
