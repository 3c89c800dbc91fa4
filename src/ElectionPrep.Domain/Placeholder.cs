namespace ElectionPrep;
