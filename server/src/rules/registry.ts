import { gd104 } from './gd104-sources-before-modules';
import { gd107 } from './gd107-no-build-cache-mount';
import { gd108 } from './gd108-no-trimpath';
import { gd109 } from './gd109-cache-defeating-flags';
import { gd110 } from './gd110-unstripped-binary';
import { gd111 } from './gd111-mutable-modules';
import { gd112 } from './gd112-unpinned-go-install';
import { gd113 } from './gd113-emulated-cross-compile';
import { gd201 } from './gd201-toolchain-in-final-image';
import { gd204 } from './gd204-final-user-root';
import { gd205 } from './gd205-user-name-without-passwd';
import { gd206 } from './gd206-shell-form-without-shell';
import { gd207 } from './gd207-sources-in-final-image';
import { gd208 } from './gd208-build-tools-in-final-image';
import { gd209 } from './gd209-unpinned-base-image';
import { gd210 } from './gd210-build-platform-binary-in-image';
import { gd211 } from './gd211-end-of-life-base-image';
import { gd212 } from './gd212-bash-not-in-image';
import { gd213 } from './gd213-start-script-without-exec';
import { gd214 } from './gd214-exec-form-command-line';
import { gd215 } from './gd215-exec-form-split-over-lines';
import { gd216 } from './gd216-cross-compiled-go-install';
import { gd217 } from './gd217-shell-form-cmd-as-arguments';
import { gd218 } from './gd218-start-program-not-in-image';
import { gd219 } from './gd219-module-breaks-with-builder-go';
import { gd301 } from './gd301-apk-without-no-cache';
import { gd302 } from './gd302-cleanup-in-later-layer';
import { gd303 } from './gd303-apt-without-cleanup';
import { gd304 } from './gd304-mergeable-runs';
import { gd308 } from './gd308-add-for-local-files';
import { gd309 } from './gd309-install-after-sources';
import { gd310 } from './gd310-node-install-after-sources';
import { gd117 } from './gd117-env-without-command';
import { gd121 } from './gd121-unexported-go-variable';
import { gd122 } from './gd122-golang-tag-not-published';
import { gd123 } from './gd123-copy-from-undefined-stage';
import { gd124 } from './gd124-replace-target-not-copied';
import { gd125 } from './gd125-from-arg-without-dollar';
import { gd126 } from './gd126-package-repositories-archived';
import { gd127 } from './gd127-empty-argument-before-go-flags';
import { gd128 } from './gd128-cgo-packages-without-cgo';
import { gd129 } from './gd129-go-generate-program-missing';
import { gd130 } from './gd130-instruction-swallowed-by-continuation';
import { gd131 } from './gd131-command-substitution-not-run';
import { gd132 } from './gd132-version-constraint-read-as-redirect';
import { gd133 } from './gd133-checksum-line-hashed-not-checked';
import { gd134 } from './gd134-go-flags-variable-not-read';
import { gd118 } from './gd118-go-run-for-target';
import { gd119 } from './gd119-package-not-copied';
import { gd120 } from './gd120-build-arg-before-module-download';
import { gd101 } from './gd101-go-version-behind-gomod';
import { gd102 } from './gd102-cgo-dynamic-binary';
import { gd103 } from './gd103-cgo-required';
import { gd105 } from './gd105-go-sum-not-copied';
import { gd106 } from './gd106-vendor-not-used';
import { gd114 } from './gd114-git-metadata-in-context';
import { gd115 } from './gd115-global-arg-not-in-scope';
import { gd116 } from './gd116-hard-coded-target-platform';
import { gd202 } from './gd202-scratch-without-ca-certificates';
import { gd203 } from './gd203-scratch-without-tzdata';
import { gd305 } from './gd305-no-dockerignore';
import { gd306 } from './gd306-dockerignore-excludes-input';
import { gd307 } from './gd307-heavy-context';
import { gd311 } from './gd311-module-file-not-in-context';
import { gd312 } from './gd312-copy-up-in-later-layer';
import type { Rule } from './types';

/**
 * A rule with every property of Rule, in one order. Rules are object literals that each set
 * some of the optional properties: each had its own hidden class, and V8's IC log showed the
 * runner's reads of `code`, `scope`, `check`… megamorphic (looked up in a process-wide cache
 * that other code evicts). One shape keeps those reads monomorphic.
 */
function uniform(r: Rule): Rule {
  return {
    code: r.code,
    name: r.name,
    summary: r.summary,
    severity: r.severity,
    severities: r.severities,
    needsWorkspace: r.needsWorkspace,
    peers: r.peers,
    fix: r.fix,
    command: r.command,
    facts: r.facts,
    scope: r.scope ?? 'file',
    namesLines: r.namesLines ?? false,
    readsDescendants: r.readsDescendants ?? false,
    readsCopiedStages: r.readsCopiedStages ?? false,
    inStage: r.inStage ?? false,
    reuseKey: r.reuseKey,
    docs: r.docs,
    check: r.check,
  };
}

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = [gd104, gd107, gd108, gd109, gd110, gd111, gd112, gd113, gd115, gd116, gd117, gd118, gd120, gd121, gd122, gd123, gd125, gd126, gd127, gd128, gd129, gd130, gd131, gd132, gd133, gd134, gd201, gd204, gd205, gd206, gd207, gd208, gd209, gd210, gd211, gd212, gd213, gd214, gd215, gd216, gd217, gd218, gd301, gd302, gd303, gd304, gd308, gd309, gd310, gd312, gd101, gd102, gd103, gd105, gd106, gd114, gd119, gd124, gd202, gd203, gd219, gd305, gd306, gd307, gd311].map(uniform);

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));
