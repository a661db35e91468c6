/** Part 2 of the profile defect matrix (profile-matrix.ts): the bundled specs of index 1, 1+PROFILE_MATRIX_PARTS, … */
import { describeProfileMatrix } from './profile-matrix.ts';

describeProfileMatrix(2);
