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
import { gd301 } from './gd301-apk-without-no-cache';
import { gd302 } from './gd302-cleanup-in-later-layer';
import { gd303 } from './gd303-apt-without-cleanup';
import { gd304 } from './gd304-mergeable-runs';
import { gd308 } from './gd308-add-for-local-files';
import { gd309 } from './gd309-install-after-sources';
import { gd101 } from './gd101-go-version-behind-gomod';
import { gd102 } from './gd102-cgo-dynamic-binary';
import { gd103 } from './gd103-cgo-required';
import { gd105 } from './gd105-go-sum-not-copied';
import { gd106 } from './gd106-vendor-not-used';
import { gd114 } from './gd114-git-metadata-in-context';
import { gd202 } from './gd202-scratch-without-ca-certificates';
import { gd203 } from './gd203-scratch-without-tzdata';
import { gd305 } from './gd305-no-dockerignore';
import { gd306 } from './gd306-dockerignore-excludes-input';
import { gd307 } from './gd307-heavy-context';
import type { Rule } from './types';

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = [gd104, gd107, gd108, gd109, gd110, gd111, gd112, gd113, gd201, gd204, gd205, gd206, gd207, gd208, gd209, gd301, gd302, gd303, gd304, gd308, gd309, gd101, gd102, gd103, gd105, gd106, gd114, gd202, gd203, gd305, gd306, gd307];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));
