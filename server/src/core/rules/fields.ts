/**
 * Fields many rules read, named as DocumentRule.reads names them. Kept in one place because the
 * model hands them out under other names: a container's `name` (every message that names a
 * container, through describeContainer), a claim template's `metadata.name`.
 */

/** The names of containers of every kind. */
export const CONTAINER_NAMES = ['containers.name', 'initContainers.name', 'ephemeralContainers.name'] as const;

/** The names mounts refer to: volumes, and claim templates (`volumeClaimTemplates[].metadata.name`, which is also every object's name). */
export const VOLUME_NAMES = ['volumes.name', 'metadata.name'] as const;

/** The names of mounts and devices. */
export const MOUNT_NAMES = ['volumeMounts.name', 'volumeDevices.name'] as const;

/**
 * What PodSpecModel.misplacedNames holds (pod-spec.ts declaredNames): the `name` of every entry of
 * a block written at the wrong level, whatever the block (volumes, claim templates, mounts,
 * devices, pull secrets, containers), counted as declared so that a misplaced block is reported once.
 */
export const MISPLACED_NAMES = [...VOLUME_NAMES, ...MOUNT_NAMES, ...CONTAINER_NAMES, 'imagePullSecrets.name'] as const;
