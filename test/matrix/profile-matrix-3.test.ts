/** Part 3 of the profile defect matrix (profile-matrix.ts): the bundled specs of index 2, 2+PROFILE_MATRIX_PARTS, … */
import { describeProfileMatrix } from './profile-matrix.ts';

describeProfileMatrix(3);
