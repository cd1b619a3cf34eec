// Time Armadillo's gmm_full / gmm_diag EM from fixed initial parameters.
//
// build: g++ -O3 -march=native -fopenmp -std=c++17 armadillo_fit.cpp -o armadillo_fit -larmadillo
// usage: armadillo_fit DATA.npy INIT.json full|diag [EM_ITER=20] [VAR_FLOOR=1e-6] [--json]
//
// DATA.npy: float64, C order, N x D (read straight into an arma::mat of D x N: one sample per column).
// INIT.json: {"weights":[K], "means":[K][D], "precisions": full (K,D,D) | diag (K,D)}, as written by
// bench/gen_data.py; covariances are the inverses of the precisions. learn() runs with seed_mode
// keep_existing, km_iter = 0 and em_iter EM iterations (Armadillo stops early only if the average
// log-likelihood changes by <= machine epsilon). Only learn() is timed.
#include <armadillo>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif
#include <sys/resource.h>

namespace {

[[noreturn]] void fail(const std::string& msg) {
  std::fprintf(stderr, "armadillo_fit: %s\n", msg.c_str());
  std::exit(2);
}

// Minimal .npy reader: version 1-3 header, '<f8', C order, 2-D shape.
arma::mat load_npy_rows_as_columns(const std::string& path, arma::uword& n, arma::uword& d) {
  std::ifstream f(path, std::ios::binary);
  if (!f) fail("cannot open " + path);
  char magic[6];
  f.read(magic, 6);
  if (!f || std::string(magic + 1, 5) != "NUMPY" || static_cast<unsigned char>(magic[0]) != 0x93)
    fail(path + ": not a .npy file");
  unsigned char ver[2];
  f.read(reinterpret_cast<char*>(ver), 2);
  std::uint32_t hlen = 0;
  if (ver[0] == 1) {
    unsigned char b[2];
    f.read(reinterpret_cast<char*>(b), 2);
    hlen = b[0] | (b[1] << 8);
  } else {
    unsigned char b[4];
    f.read(reinterpret_cast<char*>(b), 4);
    hlen = b[0] | (b[1] << 8) | (b[2] << 16) | (std::uint32_t(b[3]) << 24);
  }
  std::string header(hlen, '\0');
  f.read(header.data(), hlen);
  if (header.find("'<f8'") == std::string::npos) fail(path + ": dtype must be '<f8' (float64)");
  if (header.find("'fortran_order': False") == std::string::npos) fail(path + ": must be C order");
  auto s = header.find("'shape': (");
  if (s == std::string::npos) fail(path + ": no shape in header");
  std::istringstream shape(header.substr(s + 10));
  char comma;
  unsigned long long rows = 0, cols = 0;
  shape >> rows >> comma >> cols;
  if (!shape || comma != ',' || rows == 0 || cols == 0) fail(path + ": shape must be (N, D)");
  n = rows;
  d = cols;
  arma::mat x(d, n, arma::fill::none);
  f.read(reinterpret_cast<char*>(x.memptr()), static_cast<std::streamsize>(sizeof(double) * n * d));
  if (!f) fail(path + ": truncated data");
  return x;
}

// Every number inside the JSON value of `key`, in document order.
std::vector<double> json_numbers(const std::string& json, const std::string& key) {
  auto k = json.find("\"" + key + "\"");
  if (k == std::string::npos) fail("init JSON has no \"" + key + "\"");
  auto p = json.find(':', k) + 1;
  while (p < json.size() && std::isspace(static_cast<unsigned char>(json[p]))) ++p;
  std::vector<double> out;
  int depth = 0;
  for (; p < json.size(); ++p) {
    char c = json[p];
    if (c == '[') ++depth;
    else if (c == ']') { if (--depth == 0) break; }
    else if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) {
      char* end = nullptr;
      out.push_back(std::strtod(json.c_str() + p, &end));
      p = static_cast<std::size_t>(end - json.c_str()) - 1;
    }
    if (depth == 0) break;  // scalar value
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: armadillo_fit DATA.npy INIT.json full|diag [EM_ITER=20] [VAR_FLOOR=1e-6] [--json]\n");
    return 2;
  }
  const std::string data_path = argv[1], init_path = argv[2], cov = argv[3];
  arma::uword em_iter = 20;
  double var_floor = 1e-6;
  bool json_out = false;
  int pos = 0;
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") json_out = true;
    else if (pos++ == 0) em_iter = std::strtoul(a.c_str(), nullptr, 10);
    else var_floor = std::strtod(a.c_str(), nullptr);
  }
  if (cov != "full" && cov != "diag") fail("covariance must be full or diag (Armadillo has no tied/spherical)");

  arma::uword n = 0, d = 0;
  arma::mat x = load_npy_rows_as_columns(data_path, n, d);

  std::ifstream jf(init_path);
  if (!jf) fail("cannot open " + init_path);
  std::stringstream ss;
  ss << jf.rdbuf();
  const std::string json = ss.str();
  std::vector<double> w = json_numbers(json, "weights");
  std::vector<double> mu = json_numbers(json, "means");
  std::vector<double> prec = json_numbers(json, "precisions");
  const arma::uword k = w.size();
  if (mu.size() != k * d) fail("init means must be K x D");

  arma::rowvec hefts(w);
  arma::mat means(d, k);  // column j = mean of component j; JSON is [K][D] row-major = D x K column-major
  std::copy(mu.begin(), mu.end(), means.memptr());

  std::ostringstream log;  // Armadillo's per-iteration lines, to count iterations
  arma::set_cout_stream(log);
  bool ok = false;
  double seconds = 0.0, avg_log_p = 0.0;
  if (cov == "full") {
    if (prec.size() != k * d * d) fail("full init precisions must be K x D x D");
    arma::cube fcovs(d, d, k);
    for (arma::uword j = 0; j < k; ++j) {
      arma::mat p(prec.data() + j * d * d, d, d);
      fcovs.slice(j) = arma::inv_sympd(arma::symmatu(p));
    }
    arma::gmm_full model;
    model.set_params(means, fcovs, hefts);
    auto t0 = std::chrono::steady_clock::now();
    ok = model.learn(x, k, arma::maha_dist, arma::keep_existing, 0, em_iter, var_floor, true);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    avg_log_p = model.avg_log_p(x);
  } else {
    if (prec.size() != k * d) fail("diag init precisions must be K x D");
    arma::mat dcovs(d, k);
    for (arma::uword i = 0; i < k * d; ++i) dcovs[i] = 1.0 / prec[i];
    arma::gmm_diag model;
    model.set_params(means, dcovs, hefts);
    auto t0 = std::chrono::steady_clock::now();
    ok = model.learn(x, k, arma::maha_dist, arma::keep_existing, 0, em_iter, var_floor, true);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    avg_log_p = model.avg_log_p(x);
  }
  arma::set_cout_stream(std::cout);
  if (!ok) fail("learn() failed");

  std::size_t iters = 0;
  for (std::size_t p = log.str().find("iteration:"); p != std::string::npos; p = log.str().find("iteration:", p + 1)) ++iters;
  if (iters == 0) iters = em_iter;
  int threads = 1;
#ifdef _OPENMP
  threads = omp_get_max_threads();
#endif
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  const double rss_mib = ru.ru_maxrss / 1024.0;
  if (json_out) {
    std::printf("{\"peer\": \"armadillo\", \"version\": \"%d.%d.%d\", \"n\": %llu, \"d\": %llu, \"k\": %llu, "
                "\"cov\": \"%s\", \"n_iter\": %zu, \"fit_seconds\": %.6f, \"s_per_iter\": %.6f, "
                "\"avg_log_p\": %.10g, \"threads\": %d, \"max_rss_mib\": %.1f}\n",
                ARMA_VERSION_MAJOR, ARMA_VERSION_MINOR, ARMA_VERSION_PATCH, (unsigned long long)n,
                (unsigned long long)d, (unsigned long long)k, cov.c_str(), iters, seconds, seconds / iters,
                avg_log_p, threads, rss_mib);
  } else {
    std::printf("armadillo %d.%d.%d %s N=%llu D=%llu K=%llu: %zu iter in %.3f s = %.4f s/iter, avg_log_p %.6f, "
                "%d threads, max RSS %.0f MiB\n",
                ARMA_VERSION_MAJOR, ARMA_VERSION_MINOR, ARMA_VERSION_PATCH, cov.c_str(), (unsigned long long)n,
                (unsigned long long)d, (unsigned long long)k, iters, seconds, seconds / iters, avg_log_p, threads,
                rss_mib);
  }
  return 0;
}
