grammar Sir;
design : EOF ;
