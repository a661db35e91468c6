/** Part 4 of the profile defect matrix (profile-matrix.ts): the bundled specs of index 3, 3+PROFILE_MATRIX_PARTS, … */
import { describeProfileMatrix } from './profile-matrix.ts';

describeProfileMatrix(4);
