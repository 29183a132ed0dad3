package org.deepslda.features;

import ai.djl.Device;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * The device a task runs its backbone on. Spark's GPU scheduling tells a task which GPU it owns
 * ({@code spark.task.resource.gpu.amount} plus a discovery script or the cluster manager's
 * allocation): if the task holds a {@code gpu} resource, its first address is the CUDA device
 * index. If the engine has no CUDA (a CPU-only PyTorch build, or fewer GPUs than the index), the
 * task runs on the CPU and the choice says so, so that it can be logged as a degraded mode.
 *
 * @param device where to run
 * @param assignedGpu the GPU address Spark assigned, or null if none
 * @param note how the choice was made, for the log
 */
public record DeviceChoice(Device device, String assignedGpu, String note) {
  /** The choice for the task running on this thread (CPU outside a Spark task). */
  public static DeviceChoice forCurrentTask() {
    TaskContext ctx = TaskContext.get();
    Map<String, ResourceInformation> resources = ctx == null ? Map.of() : ctx.resourcesJMap();
    return choose(resources, DjlEnvironment.pytorch().getGpuCount());
  }

  /**
   * The pure rule behind {@link #forCurrentTask}.
   *
   * @param resources the task's resources by name
   * @param engineGpus the number of CUDA devices the engine sees
   */
  public static DeviceChoice choose(Map<String, ResourceInformation> resources, int engineGpus) {
    ResourceInformation gpu = resources.get("gpu");
    if (gpu == null || gpu.addresses().length == 0) {
      return new DeviceChoice(Device.cpu(), null, "no GPU assigned to the task: CPU");
    }
    String address = gpu.addresses()[0];
    int index;
    try {
      index = Integer.parseInt(address.trim());
    } catch (NumberFormatException e) {
      return new DeviceChoice(
          Device.cpu(), address, "GPU address '" + address + "' is not a CUDA index: CPU");
    }
    if (index >= engineGpus) {
      return new DeviceChoice(
          Device.cpu(),
          address,
          "task was assigned GPU "
              + address
              + " but the PyTorch engine sees "
              + engineGpus
              + " CUDA device(s) (CPU-only build or no driver): falling back to CPU");
    }
    return new DeviceChoice(Device.gpu(index), address, "task was assigned GPU " + address);
  }

  /** Whether this is a fallback: a GPU was assigned but the CPU is used. */
  public boolean degraded() {
    return assignedGpu != null && !device.isGpu();
  }
}
