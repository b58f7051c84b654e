import { describeReadinessCheck, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckLonghornBackingImages } from './fault.js';

describeReadinessCheck({
  id: 'precheck-longhorn-backing-images',
  fault: precheckLonghornBackingImages, nearMiss: (b) => precheckLonghornBackingImages(b, { minNumberOfCopies: 3 }),
  message: (_b, named) => `Longhorn-Backing-Images Test: Failed — backing image ${volumeName(named)} has minNumberOfCopies 0`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/backingimages.yaml', proof: 'minNumberOfCopies: 0',
  noRequiredInput: 'a cluster without uploaded images has no backing images: an empty list is the answer, not a gap',
});
