/** Part 5 of the profile defect matrix (profile-matrix.ts): the bundled specs of index 4, 4+PROFILE_MATRIX_PARTS, … */
import { describeProfileMatrix } from './profile-matrix.ts';

describeProfileMatrix(5);
